extension BestEfforts {
    /// Splits `efforts` into those a runner can have run and those faster than the world record
    /// for their distance (``WorldRecords``, METHODOLOGY section 5: no result beats the record),
    /// which come from GPS errors or a vehicle and are never reported as best efforts (M52).
    public static func withinWorldRecords(_ efforts: [Effort]) -> (kept: [Effort], rejected: [Effort]) {
        var kept: [Effort] = [], rejected: [Effort] = []
        for effort in efforts {
            if !effort.seconds.isFinite || effort.seconds <= 0 {
                rejected.append(effort)
            } else if let limit = WorldRecords.limit(for: effort.distance), effort.seconds < limit.time.seconds {
                rejected.append(effort)
            } else {
                kept.append(effort)
            }
        }
        return (kept, rejected)
    }
}
