//! Chart geometry, free of any view: the value axis (a round top and evenly spaced
//! ticks), the share of the plot a value covers, where columns go, and which of their
//! labels to print.
//!
//! Horizontal positions are percentages of the chart's width, so an SVG chart stretches
//! to its card on a phone and on a desktop while its text keeps one size; vertical ones
//! are pixels. Numbers are written with integer formatting only (hundredths of a percent,
//! whole pixels), because Rust's float formatting would add kilobytes to the wasm bundle.
//! Money reaches the geometry as `f64`: it positions pixels, it is never added up here.

/// The value axis of a chart that starts at zero.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Axis {
    /// The value at the top of the plot: a round number at or above the largest value.
    pub top: f64,
    /// From 0 to `top`, evenly spaced.
    pub ticks: Vec<f64>,
}

/// Ticks wanted on an axis; the round step may give one or two fewer or more.
const TICKS: f64 = 4.0;

/// The axis for values up to `max`: its step is 1, 2, 2.5 or 5 times a power of ten,
/// and at least 1 when the values are `whole` (counts). With nothing to show (`max`
/// zero, negative or not a number) the axis runs from 0 to 1.
pub(super) fn axis(max: f64, whole: bool) -> Axis {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        0.0
    };
    let mut step = round_step(max / TICKS, whole);
    if whole {
        step = step.max(1.0);
    }
    let steps = (max / step).ceil().max(1.0);
    let ticks = (0..=steps as u32).map(|i| f64::from(i) * step).collect();
    Axis {
        top: steps * step,
        ticks,
    }
}

/// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `raw`, and
/// a whole number when `whole` asks for one.
fn round_step(raw: f64, whole: bool) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    // Found by multiplying rather than with `log10`, which would pull libm into the wasm.
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    while magnitude > raw {
        magnitude /= 10.0;
    }
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw && (!whole || step.fract() == 0.0))
        .unwrap_or(10.0 * magnitude)
}

/// How much of `top` the value `value` covers, in hundredths of a percent (0 to 10 000):
/// a negative or undefined value covers nothing, one past the top all of it.
pub(super) fn share(value: f64, top: f64) -> u32 {
    if !(top > 0.0 && value > 0.0) {
        return 0;
    }
    let basis_points = (value / top * 10_000.0).round();
    basis_points.min(10_000.0) as u32
}

/// A share as an SVG length, `42.17%`.
pub(super) fn percent(basis_points: u32) -> String {
    format!("{}.{:02}%", basis_points / 100, basis_points % 100)
}

/// The pixels of `length` that a share covers, rounded.
pub(super) fn pixels(basis_points: u32, length: u32) -> u32 {
    (u64::from(basis_points) * u64::from(length)).div_ceil(10_000) as u32
}

/// One column of `count` side by side across the width, with a gap of a fifth of its
/// slot: where it starts and how wide it is, in hundredths of a percent.
pub(super) fn column(index: usize, count: usize) -> (u32, u32) {
    let count = count.max(1) as u64;
    let slot = 10_000 / count;
    let gap = slot / 5;
    let start = index as u64 * 10_000 / count + gap / 2;
    (start as u32, (slot - gap).max(1) as u32)
}

/// The middle of column `index` of `count`, in hundredths of a percent.
pub(super) fn column_middle(index: usize, count: usize) -> u32 {
    let count = count.max(1) as u64;
    ((2 * index as u64 + 1) * 10_000 / (2 * count)) as u32
}

/// Whether column `index` of `count` gets its label printed, when at most `most` fit:
/// every so many, counted back from the last, so the latest period is always named.
pub(super) fn labelled(index: usize, count: usize, most: usize) -> bool {
    let every = count.div_ceil(most.max(1)).max(1);
    index < count && (count - 1 - index).is_multiple_of(every)
}

/// Where the label of column `index` of `count` goes (hundredths of a percent) and how
/// it is anchored there. Centred under its column; but when columns are too narrow to
/// hold their labels (more than `most`), the first and last labels line up with the
/// plot's edges instead of running past them.
pub(super) fn label_position(index: usize, count: usize, most: usize) -> (u32, &'static str) {
    let (start, width) = column(index, count);
    if count > most && index == 0 {
        (start, "start")
    } else if count > most && index + 1 == count {
        (start + width, "end")
    } else {
        (column_middle(index, count), "middle")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_rounds_up_to_a_step_of_one_two_two_and_a_half_or_five() {
        assert_eq!(axis(87.0, false).ticks, [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(axis(100.0, false).ticks, [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(axis(101.0, false).ticks, [0.0, 50.0, 100.0, 150.0]);
        assert_eq!(axis(7.3, false).ticks, [0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(axis(0.35, false).top, 0.4);
        for max in [0.01, 0.5, 3.0, 12.5, 99.99, 1234.0, 987_654.0] {
            let axis = axis(max, false);
            assert!(axis.top >= max, "{max}: {axis:?}");
            assert!(
                axis.ticks.len() >= 3 && axis.ticks.len() <= 6,
                "{max}: {axis:?}"
            );
        }
    }

    #[test]
    fn counts_step_by_whole_numbers() {
        assert_eq!(axis(1.0, true).ticks, [0.0, 1.0]);
        assert_eq!(axis(3.0, true).ticks, [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(axis(10.0, true).ticks, [0.0, 5.0, 10.0]);
        assert_eq!(axis(11.0, true).top, 15.0);
    }

    #[test]
    fn an_empty_chart_still_has_an_axis_from_zero_to_one() {
        for max in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let axis = axis(max, false);
            assert_eq!((axis.top, axis.ticks.as_slice()), (1.0, &[0.0, 1.0][..]));
        }
        assert_eq!(share(0.0, 1.0), 0);
        assert_eq!(share(5.0, 0.0), 0);
        assert_eq!(share(f64::NAN, 10.0), 0);
    }

    #[test]
    fn very_large_values_keep_a_bounded_number_of_ticks() {
        let axis = axis(9.9e15, true);
        assert_eq!(axis.top, 1e16);
        assert_eq!(axis.ticks.len(), 5);
        let largest = u64::MAX as f64;
        let axis = super::axis(largest, true);
        assert!(axis.top >= largest && axis.ticks.len() <= 6);
        assert_eq!(share(largest, axis.top), share(1.0, axis.top / largest));
    }

    #[test]
    fn a_share_is_in_hundredths_of_a_percent_and_never_spills_over() {
        assert_eq!(share(25.0, 100.0), 2_500);
        assert_eq!(share(1.0, 3.0), 3_333);
        assert_eq!(share(150.0, 100.0), 10_000);
        assert_eq!(share(-1.0, 100.0), 0);
        assert_eq!(percent(3_333), "33.33%");
        assert_eq!(percent(5), "0.05%");
        assert_eq!(percent(10_000), "100.00%");
        assert_eq!(pixels(5_000, 160), 80);
        assert_eq!(pixels(1, 160), 1);
        assert_eq!(pixels(0, 160), 0);
    }

    #[test]
    fn one_column_fills_its_slot_but_for_the_gap() {
        assert_eq!(column(0, 1), (1_000, 8_000));
        assert_eq!(column_middle(0, 1), 5_000);
        assert_eq!(column(0, 0), (1_000, 8_000));
    }

    #[test]
    fn columns_sit_side_by_side_without_overlapping() {
        let count = 24;
        for index in 0..count {
            let (start, width) = column(index, count);
            let middle = column_middle(index, count);
            assert!(start < middle && middle < start + width, "{index}");
            if index + 1 < count {
                assert!(start + width < column(index + 1, count).0, "{index}");
            }
        }
        let (last_start, last_width) = column(count - 1, count);
        assert!(last_start + last_width <= 10_000);
    }

    #[test]
    fn labels_of_narrow_columns_keep_inside_the_plot() {
        assert_eq!(label_position(0, 3, 5), (column_middle(0, 3), "middle"));
        assert_eq!(label_position(2, 3, 5), (column_middle(2, 3), "middle"));
        assert_eq!(label_position(0, 24, 5), (column(0, 24).0, "start"));
        let (start, width) = column(23, 24);
        assert_eq!(label_position(23, 24, 5), (start + width, "end"));
        assert_eq!(label_position(12, 24, 5), (column_middle(12, 24), "middle"));
    }

    #[test]
    fn labels_thin_out_to_at_most_the_number_asked_and_always_name_the_last() {
        let printed = |count, most| -> Vec<usize> {
            (0..count).filter(|&i| labelled(i, count, most)).collect()
        };
        assert_eq!(printed(24, 5), [3, 8, 13, 18, 23]);
        assert_eq!(printed(30, 5), [5, 11, 17, 23, 29]);
        assert_eq!(printed(4, 5), [0, 1, 2, 3]);
        assert_eq!(printed(1, 5), [0]);
        assert_eq!(printed(7, 0), [6]);
        assert!(!labelled(0, 0, 5));
    }
}
