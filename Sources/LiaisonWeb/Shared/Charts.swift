import Foundation
import LiaisonCore

/// Charts drawn on the server as SVG, with no scripts: a grouped bar chart for breakdowns and a line chart for
/// trends. Each is an image with a title and a description for screen readers; the page puts the same figures in
/// a table beside it.
enum Charts {
    static let palette = ["#1d70b8", "#f47738", "#00703c", "#912b88", "#d4351c", "#5694ca", "#85994b", "#6f72af"]

    static func svg(_ chart: ChartData) -> String {
        chart.kind == "line" ? line(chart) : bars(chart)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A round top for the value axis: 1, 2 or 5 times a power of ten.
    static func axisTop(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    static func label(_ value: Double) -> String {
        value >= 1_000_000
            ? String(format: "%.1fm", value / 1_000_000)
            : value >= 10_000 ? String(format: "%.0fk", value / 1_000) : PerformanceReport.number(value)
    }

    static func frame(_ chart: ChartData, width: Int, height: Int, body: String) -> String {
        let id = "chart-\(chart.code)"
        let legend = chart.series.enumerated().map { n, s in
            "<g transform=\"translate(\(60 + n * 150),\(height - 14))\"><rect width=\"12\" height=\"12\" y=\"-10\" fill=\"\(palette[n % palette.count])\"/><text x=\"18\" font-size=\"13\">\(escape(s.name))</text></g>"
        }.joined()
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="100%" role="img" aria-labelledby="\(id)-title \(id)-desc" class="chart">\
            <title id="\(id)-title">\(escape(chart.title))</title><desc id="\(id)-desc">\(escape(chart.description))</desc>\(body)\(legend)</svg>
            """
    }

    /// Horizontal gridlines with their values, for a plot area from x 60 to `right`, y `top` to `bottom`.
    static func grid(top: Double, bottom: Double, right: Double, maximum: Double) -> String {
        (0...4).map { step -> String in
            let y = bottom - (bottom - top) * Double(step) / 4
            return
                "<line x1=\"60\" x2=\"\(right)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#b1b4b6\" stroke-width=\"\(step == 0 ? 2 : 1)\"/>"
                + "<text x=\"54\" y=\"\(y + 4)\" font-size=\"12\" text-anchor=\"end\">\(label(maximum * Double(step) / 4))</text>"
        }.joined()
    }

    static func bars(_ chart: ChartData) -> String {
        let width = 760.0
        let top = 20.0
        let bottom = 250.0
        let right = width - 10
        let maximum = axisTop(chart.series.flatMap(\.values).max() ?? 0)
        let groupWidth = (right - 70) / Double(max(chart.labels.count, 1))
        let barWidth = min(40, (groupWidth - 8) / Double(max(chart.series.count, 1)))
        var body = grid(top: top, bottom: bottom, right: right, maximum: maximum)
        for (g, name) in chart.labels.enumerated() {
            let x0 = 70 + Double(g) * groupWidth
            for (n, series) in chart.series.enumerated() {
                let value = g < series.values.count ? series.values[g] : 0
                let h = (bottom - top) * value / maximum
                body +=
                    "<rect x=\"\(x0 + Double(n) * barWidth)\" y=\"\(bottom - h)\" width=\"\(barWidth - 2)\" height=\"\(h)\" fill=\"\(palette[n % palette.count])\"><title>\(escape(series.name)), \(escape(name)): \(PerformanceReport.number(value))</title></rect>"
            }
            let words = name.split(separator: " ").map(String.init)
            let lines =
                words.count > 1
                ? [
                    words.prefix(words.count / 2).joined(separator: " "),
                    words.suffix(from: words.count / 2).joined(separator: " "),
                ] : [name]
            for (l, line) in lines.enumerated() {
                body +=
                    "<text x=\"\(x0 + groupWidth / 2 - 4)\" y=\"\(bottom + 16 + Double(l) * 14)\" font-size=\"11\" text-anchor=\"middle\">\(escape(line))</text>"
            }
        }
        return frame(chart, width: Int(width), height: 310, body: body)
    }

    static func line(_ chart: ChartData) -> String {
        let width = 760.0
        let top = 20.0
        let bottom = 250.0
        let right = width - 20
        let maximum = axisTop(chart.series.flatMap(\.values).max() ?? 0)
        let step = (right - 80) / Double(max(chart.labels.count - 1, 1))
        var body = grid(top: top, bottom: bottom, right: right, maximum: maximum)
        for (i, name) in chart.labels.enumerated() where chart.labels.count <= 12 || i % 2 == 0 {
            body +=
                "<text x=\"\(80 + Double(i) * step)\" y=\"\(bottom + 16)\" font-size=\"11\" text-anchor=\"middle\">\(escape(name))</text>"
        }
        for (n, series) in chart.series.enumerated() {
            let points = series.values.enumerated().map { i, v in
                "\(80 + Double(i) * step),\(bottom - (bottom - top) * v / maximum)"
            }
            body +=
                "<polyline fill=\"none\" stroke=\"\(palette[n % palette.count])\" stroke-width=\"3\" points=\"\(points.joined(separator: " "))\"/>"
            for (i, v) in series.values.enumerated() {
                body +=
                    "<circle cx=\"\(80 + Double(i) * step)\" cy=\"\(bottom - (bottom - top) * v / maximum)\" r=\"4\" fill=\"\(palette[n % palette.count])\"><title>\(escape(series.name)), \(escape(chart.labels[i])): \(PerformanceReport.number(v))</title></circle>"
            }
        }
        if chart.series.isEmpty {
            body +=
                "<text x=\"\(width / 2)\" y=\"\(bottom / 2)\" font-size=\"14\" text-anchor=\"middle\">Nothing recorded in the period</text>"
        }
        return frame(chart, width: Int(width), height: 310, body: body)
    }
}
