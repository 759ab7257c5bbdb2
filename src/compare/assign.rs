//! The assignment problem: given a score for every pairing of a lower level's expectation
//! with a higher level's, the one-to-one pairing with the best total.

/// The columns assigned to the rows of a `rows` × `cols` cost matrix, one distinct column per
/// row, with the least total cost; `rows` must not exceed `cols` (callers transpose). Returns
/// `assigned[row] = column`. Costs must be finite.
///
/// This is the Hungarian method (Kuhn 1955, Munkres 1957) in its shortest-augmenting-path
/// form with row and column potentials (Jonker and Volgenant 1987): each row is added in turn
/// and matched along the cheapest alternating path, O(rows² × cols). A comparison assigns the
/// expectations of one pillar, rarely more than a dozen a side, so this is instant; a pasted
/// list of 300 costs about 27 million steps.
pub fn assign(rows: usize, cols: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<usize> {
    assert!(rows <= cols, "assign: {rows} rows, {cols} columns");
    // 1-based, with row 0 and column 0 as the augmenting path's virtual start.
    let mut u = vec![0.0f64; rows + 1];
    let mut column = vec![Column::default(); cols + 1];
    for row in 1..=rows {
        column[0].owner = row;
        let mut j0 = 0;
        for c in column.iter_mut() {
            c.slack = f64::INFINITY;
            c.used = false;
        }
        loop {
            column[j0].used = true;
            let i0 = column[j0].owner;
            let u0 = u[i0];
            let (mut delta, mut j1) = (f64::INFINITY, 0);
            for (j, c) in column.iter_mut().enumerate().skip(1) {
                if c.used {
                    continue;
                }
                let reduced = cost(i0 - 1, j - 1) - u0 - c.v;
                if reduced < c.slack {
                    c.slack = reduced;
                    c.way = j0;
                }
                if c.slack < delta {
                    delta = c.slack;
                    j1 = j;
                }
            }
            for c in column.iter_mut() {
                if c.used {
                    u[c.owner] += delta;
                    c.v -= delta;
                } else {
                    c.slack -= delta;
                }
            }
            j0 = j1;
            if column[j0].owner == 0 {
                break;
            }
        }
        // Flip the path: every column on it passes to the row before it.
        while j0 != 0 {
            let j1 = column[j0].way;
            column[j0].owner = column[j1].owner;
            j0 = j1;
        }
    }
    let mut assigned = vec![0; rows];
    for (j, c) in column.iter().enumerate().skip(1) {
        let i = c.owner;
        if i != 0 {
            assigned[i - 1] = j - 1;
        }
    }
    assigned
}

/// What [`assign`] keeps of one column.
#[derive(Debug, Clone, Copy, Default)]
struct Column {
    /// Its potential.
    v: f64,
    /// The least reduced cost of reaching it on the current augmenting path.
    slack: f64,
    /// The row it is assigned to (0: none).
    owner: usize,
    /// The column before it on the cheapest path found to it.
    way: usize,
    /// Whether the current path has reached it.
    used: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The least total over every way of assigning the rows, by trying them all.
    fn brute_force(rows: usize, cols: usize, cost: &[f64]) -> f64 {
        fn go(row: usize, rows: usize, cols: usize, cost: &[f64], used: &mut Vec<bool>) -> f64 {
            if row == rows {
                return 0.0;
            }
            let mut best = f64::INFINITY;
            for j in 0..cols {
                if !used[j] {
                    used[j] = true;
                    best = best.min(cost[row * cols + j] + go(row + 1, rows, cols, cost, used));
                    used[j] = false;
                }
            }
            best
        }
        go(0, rows, cols, cost, &mut vec![false; cols])
    }

    #[test]
    fn the_assignment_is_one_to_one_and_as_cheap_as_any() {
        let mut random = crate::compare::tests::xorshift(0x5eed_1234_abcd_0001);
        for _ in 0..500 {
            let rows = 1 + random(6) as usize;
            let cols = rows + random(3) as usize;
            let cost: Vec<f64> = (0..rows * cols)
                .map(|_| random(100) as f64 / 10.0)
                .collect();
            let got = assign(rows, cols, |i, j| cost[i * cols + j]);
            let mut seen = vec![false; cols];
            for &j in &got {
                assert!(!seen[j], "column {j} twice: {got:?}");
                seen[j] = true;
            }
            let total: f64 = got
                .iter()
                .enumerate()
                .map(|(i, &j)| cost[i * cols + j])
                .sum();
            let best = brute_force(rows, cols, &cost);
            assert!((total - best).abs() < 1e-9, "{total} vs {best}: {cost:?}");
        }
    }

    #[test]
    fn a_greedy_first_choice_is_given_up_for_a_better_total() {
        // Row 0 prefers column 0 slightly; row 1 can only use column 0 well.
        let cost = [1.0, 2.0, 1.1, 9.0];
        assert_eq!(assign(2, 2, |i, j| cost[i * 2 + j]), vec![1, 0]);
    }
}
