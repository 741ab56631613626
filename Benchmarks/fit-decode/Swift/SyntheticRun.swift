import SpeedworkFiles

/// A synthetic one-hour run at 1 Hz as a FIT activity file: file_id, 3600 records (time,
/// position, altitude, heart rate, cadence, distance, speed), a lap every kilometre-ish
/// (every 300 s) and a session. Values wander smoothly from a seeded generator.
struct SyntheticRun {
    var seed: UInt64
    var seconds = 3600

    private var data: [UInt8] = []

    init(seed: UInt64) { self.seed = seed }

    /// The whole file: 14-byte header with CRC, the messages, the file CRC.
    mutating func bytes() -> [UInt8] {
        data = []
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next() -> Double {  // xorshift64*, in [0, 1)
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
        }
        let start: UInt32 = 1_100_000_000
        // file_id: type (0, enum), manufacturer (1, uint16), product (2, uint16), time_created (4, uint32)
        define(local: 0, global: 0, fields: [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84), (4, 4, 0x86)])
        data.append(0); u8(4); u16(255); u16(1); u32(start)
        // record: timestamp, lat, long (sint32), altitude (uint16), hr, cadence (uint8),
        // distance (uint32), speed (uint16)
        define(local: 1, global: 20, fields: [
            (253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (2, 2, 0x84), (3, 1, 0x02), (4, 1, 0x02),
            (5, 4, 0x86), (6, 2, 0x84),
        ])
        // lap (19) and session (18): timestamp, start_time (2), total_elapsed_time (7),
        // total_timer_time (8), total_distance (9); session also sport (5)
        define(local: 2, global: 19, fields: [(253, 4, 0x86), (2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86)])
        var lat = 45.0 + next(), long = 7.0 + next(), altitude = 300.0, distance = 0.0
        var lapStart: UInt32 = start, lapDistance = 0.0
        for second in 0..<seconds {
            let speed = 3.0 + 0.8 * next()
            distance += speed
            lat += speed / 111_000 * 0.7
            long += speed / 78_000 * 0.7
            altitude += next() - 0.5
            let t = start + UInt32(second)
            data.append(1)
            u32(t); i32(Int32(lat / FITMessage.degreesPerSemicircle)); i32(Int32(long / FITMessage.degreesPerSemicircle))
            u16(UInt16((altitude + 500) * 5)); u8(UInt8(140 + 30 * next())); u8(UInt8(84 + 6 * next()))
            u32(UInt32(distance * 100)); u16(UInt16(speed * 1000))
            if (second + 1) % 300 == 0 {
                let elapsed = UInt32((t + 1 - lapStart) * 1000)
                data.append(2)
                u32(t); u32(lapStart); u32(elapsed); u32(elapsed); u32(UInt32((distance - lapDistance) * 100))
                lapStart = t + 1
                lapDistance = distance
            }
        }
        define(local: 3, global: 18, fields: [(253, 4, 0x86), (2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (5, 1, 0x00)])
        let total = UInt32(seconds * 1000)
        data.append(3)
        u32(start + UInt32(seconds)); u32(start); u32(total); u32(total); u32(UInt32(distance * 100)); u8(1)

        var header: [UInt8] = [14, 0x20, 0x54, 0x08]
        header += withUnsafeBytes(of: UInt32(data.count).littleEndian, Array.init)
        header += Array(".FIT".utf8)
        header += withUnsafeBytes(of: FITCRC.checksum(header).littleEndian, Array.init)
        var file = header + data
        file += withUnsafeBytes(of: FITCRC.checksum(file).littleEndian, Array.init)
        return file
    }

    /// A little-endian definition message; fields are (number, size, base type).
    private mutating func define(local: UInt8, global: UInt16, fields: [(UInt8, UInt8, UInt8)]) {
        data += [0x40 | local, 0, 0]
        u16(global)
        u8(UInt8(fields.count))
        for (number, size, type) in fields { data += [number, size, type] }
    }

    private mutating func u8(_ v: UInt8) { data.append(v) }
    private mutating func u16(_ v: UInt16) { data += withUnsafeBytes(of: v.littleEndian, Array.init) }
    private mutating func u32(_ v: UInt32) { data += withUnsafeBytes(of: v.littleEndian, Array.init) }
    private mutating func i32(_ v: Int32) { data += withUnsafeBytes(of: v.littleEndian, Array.init) }
}
