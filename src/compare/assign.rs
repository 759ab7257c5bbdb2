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
    let mut v = vec![0.0f64; cols + 1];
    // owner[j]: the row column j is assigned to (0: none).
    let mut owner = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    let mut slack = vec![0.0f64; cols + 1];
    let mut used = vec![false; cols + 1];
    for row in 1..=rows {
        owner[0] = row;
        let mut j0 = 0;
        slack.fill(f64::INFINITY);
        used.fill(false);
        loop {
            used[j0] = true;
            let i0 = owner[j0];
            let (mut delta, mut j1) = (f64::INFINITY, 0);
            for j in 1..=cols {
                if used[j] {
                    continue;
                }
                let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if reduced < slack[j] {
                    slack[j] = reduced;
                    way[j] = j0;
                }
                if slack[j] < delta {
                    delta = slack[j];
                    j1 = j;
                }
            }
            for j in 0..=cols {
                if used[j] {
                    u[owner[j]] += delta;
                    v[j] -= delta;
                } else {
                    slack[j] -= delta;
                }
            }
            j0 = j1;
            if owner[j0] == 0 {
                break;
            }
        }
        // Flip the path: every column on it passes to the row before it.
        while j0 != 0 {
            let j1 = way[j0];
            owner[j0] = owner[j1];
            j0 = j1;
        }
    }
    let mut assigned = vec![0; rows];
    for (j, &i) in owner.iter().enumerate().skip(1) {
        if i != 0 {
            assigned[i - 1] = j - 1;
        }
    }
    assigned
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
