import Foundation

extension Double {
    /// The number with exactly `decimals` decimals, for messages and tables: `49.8`, `1.060`.
    public func text(decimals: Int) -> String {
        String(format: "%.\(decimals)f", self)
    }

    /// The number with at most `maxDecimals` decimals and no trailing zeros: `1.5`, `600`, `21.0975`.
    public func trimmedText(maxDecimals: Int = 4) -> String {
        let text = self.text(decimals: maxDecimals)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }
}
