//! Horizontal bar charts drawn as SVG at build time: no JavaScript, no
//! inline styles (the CSP forbids them), a `<title>` and `<desc>` for
//! screen readers. The page shows the same figures as a table.

use super::views::escape;

/// One bar: its label, its value (`None` = no data) and the value as shown.
pub(crate) struct Bar {
    pub label: String,
    pub value: Option<u64>,
    pub shown: String,
}

/// What a chart is about.
pub(crate) struct ChartText<'a> {
    /// Unique element id prefix.
    pub id: &'a str,
    /// The chart's title.
    pub title: &'a str,
    /// What it shows, for screen readers.
    pub desc: &'a str,
}

const WIDTH: u32 = 640;
const ROW: u32 = 30;
const BAR: u32 = 20;
const PAD: u32 = 8;
/// Room for the value printed after the longest bar.
const VALUE_ROOM: u32 = 100;

/// The SVG of a horizontal bar chart.
pub(crate) fn bar_chart(text: &ChartText<'_>, bars: &[Bar]) -> String {
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0) as u32;
    let label_width = (longest * 9 + PAD).clamp(48, 260);
    let area = WIDTH - label_width - PAD - VALUE_ROOM;
    let max = bars.iter().filter_map(|b| b.value).max().unwrap_or(0);
    let height = bars.len() as u32 * ROW + PAD;
    let id = escape(text.id);
    let mut svg = format!(
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(text.title),
        escape(text.desc)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = PAD / 2 + i as u32 * ROW;
        let base = y + BAR / 2 + 5;
        let width = match (bar.value, max) {
            (Some(v), m) if m > 0 => ((v as f64 / m as f64) * f64::from(area)).round() as u32,
            _ => 0,
        };
        let width = if bar.value.is_some_and(|v| v > 0) {
            width.max(2)
        } else {
            width
        };
        svg.push_str(&format!(
            "<text class=\"chart-label\" x=\"{}\" y=\"{base}\" text-anchor=\"end\" fill=\"#1b1f23\">{}</text>",
            label_width - PAD,
            escape(&bar.label)
        ));
        if width > 0 {
            svg.push_str(&format!(
                "<rect class=\"chart-bar\" x=\"{label_width}\" y=\"{y}\" width=\"{width}\" height=\"{BAR}\" fill=\"#0b5e6b\"/>"
            ));
        }
        let class = if bar.value.is_some() {
            "chart-value"
        } else {
            "chart-value chart-no-data"
        };
        svg.push_str(&format!(
            "<text class=\"{class}\" x=\"{}\" y=\"{base}\" fill=\"#1b1f23\">{}</text>",
            label_width + width + 6,
            escape(&bar.shown)
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<u64>) -> Bar {
        Bar {
            label: label.into(),
            value,
            shown: value.map_or("no data".into(), |v| v.to_string()),
        }
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let svg = bar_chart(
            &ChartText {
                id: "c1",
                title: "Cases <by region>",
                desc: "d",
            },
            &[
                bar("A", Some(10)),
                bar("B", Some(5)),
                bar("C", None),
                bar("D", Some(0)),
            ],
        );
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("<title id=\"c1-title\">Cases &lt;by region&gt;</title>"));
        let widths: Vec<&str> = svg
            .split("<rect")
            .skip(1)
            .map(|r| {
                r.split("width=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
            })
            .collect();
        assert_eq!(widths.len(), 2, "no bar for no data or 0: {svg}");
        let (a, b): (u32, u32) = (widths[0].parse().unwrap(), widths[1].parse().unwrap());
        assert_eq!(a, b * 2);
        assert!(svg.contains(">no data</text>"));
        assert!(!svg.contains("style="));
    }
}
