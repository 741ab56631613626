/// A `record` field that ``Speedwork/Activity`` does not model but a watch writes beside the
/// samples (running power, vertical oscillation, stance time, temperature: FIT Profile, `record`),
/// given as raw FIT values, one per sample, so that generated files are as large as a device's.
public struct FITRecordExtraField: Sendable, Hashable {
    /// A FIT base type an extra field may use (FIT Protocol, "Base Types").
    public enum BaseType: UInt8, Sendable, Hashable {
        case sint8 = 0x01
        case uint8 = 0x02
        case uint16 = 0x84
        case sint16 = 0x83
        case uint32 = 0x86

        /// Bytes per value.
        public var size: Int {
            switch self {
            case .sint8, .uint8: 1
            case .uint16, .sint16: 2
            case .uint32: 4
            }
        }

        /// The raw value FIT reads as "no value" for this type.
        public var invalid: UInt32 {
            switch self {
            case .sint8: 0x7F
            case .uint8: 0xFF
            case .sint16: 0x7FFF
            case .uint16: 0xFFFF
            case .uint32: 0xFFFF_FFFF
            }
        }
    }

    /// The field number in the FIT Profile's `record` message (e.g. 7 `power`, 39 `vertical_oscillation`).
    public var number: UInt8
    public var baseType: BaseType
    /// One raw value per sample, scale and offset already applied, in the type's low bytes
    /// (two's complement for signed types); ``BaseType/invalid`` where the sample has none.
    public var values: [UInt32]

    /// An extra field numbered `number` in the `record` message, with one raw value per sample.
    public init(number: UInt8, baseType: BaseType, values: [UInt32]) {
        self.number = number
        self.baseType = baseType
        self.values = values
    }
}
