var ports=[],es=null,last=null;
function send(e){last=e.data;for(var i=0;i<ports.length;i++)ports[i].postMessage(last);}
onconnect=function(e){var p=e.ports[0];ports.push(p);
p.onmessage=function(m){if(m.data==="bye"){var i=ports.indexOf(p);if(i>=0)ports.splice(i,1);}};
p.start();if(last!==null)p.postMessage(last);
if(!es){es=new EventSource("/__ladderbook/events");es.addEventListener("version",send);es.addEventListener("reload",send);
es.onerror=function(){send({data:"stopped"});};}};
