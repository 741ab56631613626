/// Jack Daniels' race-equivalent table: *Daniels' Running Formula*, 3rd ed. (2013), Table 5.1,
/// "VDOT values associated with times raced over popular distances", VDOT 30–80, as published
/// (times m:ss or h:mm:ss; 15 km in minutes). Read from the public transcriptions `tlgs/vdot`
/// `notebooks/2-analysis.ipynb` (an OCR of the book) and `mrodrigues1/running-planner`
/// `VdotCalculator.cs`, which agree cell for cell (the latter's 2-mile at VDOT 40 reads 15:09, a
/// typo: the OCR and two further transcriptions read 15:08, used here).
enum DanielsRaceTable {
    /// Column order of ``rows``.
    static let distances = ["1500m", "mile", "3k", "2mi", "5k", "10k", "15k", "half", "marathon"]

    /// VDOT, then the times for ``distances``.
    static let rows: [(vdot: Double, times: [String])] = [
        (30, ["8:30", "9:11", "17:56", "19:19", "30:40", "63:46", "98:14", "2:21:04", "4:49:17"]),
        (31, ["8:15", "8:55", "17:27", "18:48", "29:51", "62:03", "95:36", "2:17:21", "4:41:57"]),
        (32, ["8:02", "8:41", "16:59", "18:18", "29:05", "60:26", "93:07", "2:13:49", "4:34:59"]),
        (33, ["7:49", "8:27", "16:33", "17:50", "28:21", "58:54", "90:45", "2:10:27", "4:28:22"]),
        (34, ["7:37", "8:14", "16:09", "17:24", "27:39", "57:26", "88:30", "2:07:16", "4:22:03"]),
        (35, ["7:25", "8:01", "15:45", "16:58", "27:00", "56:03", "86:22", "2:04:13", "4:16:03"]),
        (36, ["7:14", "7:49", "15:23", "16:34", "26:22", "54:44", "84:20", "2:01:19", "4:10:19"]),
        (37, ["7:04", "7:38", "15:01", "16:11", "25:46", "53:29", "82:24", "1:58:34", "4:04:50"]),
        (38, ["6:54", "7:27", "14:41", "15:49", "25:12", "52:17", "80:33", "1:55:55", "3:59:35"]),
        (39, ["6:44", "7:17", "14:21", "15:29", "24:39", "51:09", "78:47", "1:53:24", "3:54:34"]),
        (40, ["6:35", "7:07", "14:03", "15:08", "24:08", "50:03", "77:06", "1:50:59", "3:49:45"]),
        (41, ["6:27", "6:58", "13:45", "14:49", "23:38", "49:01", "75:29", "1:48:40", "3:45:09"]),
        (42, ["6:19", "6:49", "13:28", "14:31", "23:09", "48:01", "73:56", "1:46:27", "3:40:43"]),
        (43, ["6:11", "6:41", "13:11", "14:13", "22:41", "47:04", "72:27", "1:44:20", "3:36:28"]),
        (44, ["6:03", "6:32", "12:55", "13:56", "22:15", "46:09", "71:02", "1:42:17", "3:32:23"]),
        (45, ["5:56", "6:25", "12:40", "13:40", "21:50", "45:16", "69:40", "1:40:20", "3:28:26"]),
        (46, ["5:49", "6:17", "12:26", "13:25", "21:25", "44:25", "68:22", "1:38:27", "3:24:39"]),
        (47, ["5:42", "6:10", "12:12", "13:10", "21:02", "43:36", "67:06", "1:36:38", "3:21:00"]),
        (48, ["5:36", "6:03", "11:58", "12:55", "20:39", "42:50", "65:53", "1:34:53", "3:17:29"]),
        (49, ["5:30", "5:56", "11:45", "12:41", "20:18", "42:04", "64:44", "1:33:12", "3:14:06"]),
        (50, ["5:24", "5:50", "11:33", "12:28", "19:57", "41:21", "63:36", "1:31:35", "3:10:49"]),
        (51, ["5:18", "5:44", "11:21", "12:15", "19:36", "40:39", "62:31", "1:30:02", "3:07:39"]),
        (52, ["5:13", "5:38", "11:09", "12:02", "19:17", "39:59", "61:29", "1:28:31", "3:04:36"]),
        (53, ["5:07", "5:32", "10:58", "11:50", "18:58", "39:20", "60:28", "1:27:04", "3:01:39"]),
        (54, ["5:02", "5:27", "10:47", "11:39", "18:40", "38:42", "59:30", "1:25:40", "2:58:47"]),
        (55, ["4:57", "5:21", "10:37", "11:28", "18:22", "38:06", "58:33", "1:24:18", "2:56:01"]),
        (56, ["4:53", "5:16", "10:27", "11:17", "18:05", "37:31", "57:39", "1:23:00", "2:53:20"]),
        (57, ["4:48", "5:11", "10:17", "11:06", "17:49", "36:57", "56:46", "1:21:43", "2:50:45"]),
        (58, ["4:44", "5:06", "10:08", "10:56", "17:33", "36:24", "55:55", "1:20:30", "2:48:14"]),
        (59, ["4:39", "5:02", "9:58", "10:46", "17:17", "35:52", "55:06", "1:19:18", "2:45:47"]),
        (60, ["4:35", "4:57", "9:50", "10:37", "17:03", "35:22", "54:18", "1:18:09", "2:43:25"]),
        (61, ["4:31", "4:53", "9:41", "10:27", "16:48", "34:52", "53:32", "1:17:02", "2:41:08"]),
        (62, ["4:27", "4:49", "9:33", "10:18", "16:34", "34:23", "52:47", "1:15:57", "2:38:54"]),
        (63, ["4:24", "4:45", "9:25", "10:10", "16:20", "33:55", "52:03", "1:14:54", "2:36:44"]),
        (64, ["4:20", "4:41", "9:17", "10:01", "16:07", "33:28", "51:21", "1:13:53", "2:34:38"]),
        (65, ["4:16", "4:37", "9:09", "9:53", "15:54", "33:01", "50:40", "1:12:53", "2:32:35"]),
        (66, ["4:13", "4:33", "9:02", "9:45", "15:42", "32:35", "50:00", "1:11:56", "2:30:36"]),
        (67, ["4:10", "4:30", "8:55", "9:37", "15:29", "32:11", "49:22", "1:11:00", "2:28:40"]),
        (68, ["4:06", "4:26", "8:48", "9:30", "15:18", "31:46", "48:44", "1:10:05", "2:26:47"]),
        (69, ["4:03", "4:23", "8:41", "9:23", "15:06", "31:23", "48:08", "1:09:12", "2:24:57"]),
        (70, ["4:00", "4:19", "8:34", "9:16", "14:55", "31:00", "47:32", "1:08:21", "2:23:10"]),
        (71, ["3:57", "4:16", "8:28", "9:09", "14:44", "30:38", "46:58", "1:07:31", "2:21:26"]),
        (72, ["3:54", "4:13", "8:22", "9:02", "14:33", "30:16", "46:24", "1:06:42", "2:19:44"]),
        (73, ["3:52", "4:10", "8:16", "8:55", "14:23", "29:55", "45:51", "1:05:54", "2:18:05"]),
        (74, ["3:49", "4:07", "8:10", "8:49", "14:13", "29:34", "45:19", "1:05:08", "2:16:29"]),
        (75, ["3:46", "4:04", "8:04", "8:43", "14:03", "29:14", "44:48", "1:04:23", "2:14:55"]),
        (76, ["3:44", "4:02", "7:58", "8:37", "13:54", "28:55", "44:18", "1:03:39", "2:13:23"]),
        (77, ["3:41", "3:58", "7:53", "8:31", "13:44", "28:36", "43:49", "1:02:56", "2:11:54"]),
        (78, ["3:38.8", "3:56.2", "7:48", "8:25", "13:35", "28:17", "43:20", "1:02:15", "2:10:27"]),
        (79, ["3:36.5", "3:53.7", "7:43", "8:20", "13:26", "27:59", "42:52", "1:01:34", "2:09:02"]),
        (80, ["3:34.2", "3:51.2", "7:37.5", "8:14.2", "13:17.8", "27:41", "42:25", "1:00:54", "2:07:38"]),
    ]
}

/// Jack Daniels' training intensities: *Daniels' Running Formula*, 3rd ed. (2013), Table 5.2,
/// "Training intensities based on current VDOT", VDOT 30–80, per-km columns and the I and R
/// per-400 m columns, as published ("—": the book leaves the cell empty). Read from the same
/// transcriptions as ``DanielsRaceTable``; the OCR's E slow end at VDOT 72 (4:00, faster than its
/// neighbours and than the book's own per-mile 6:41) is read as 4:10 as in two other transcriptions.
enum DanielsPaceTable {
    struct Row {
        let vdot: Double
        let easyPerKm: (fast: String, slow: String)
        let marathonPerKm: String
        let thresholdPerKm: String
        let intervalPer400: String
        let intervalPerKm: String
        let repetitionPer400: String
    }

    static let rows: [Row] = [
        Row(vdot: 30, easyPerKm: ("7:27", "8:14"), marathonPerKm: "7:03", thresholdPerKm: "6:24", intervalPer400: "2:22", intervalPerKm: "—", repetitionPer400: "—"),
        Row(vdot: 31, easyPerKm: ("7:16", "8:02"), marathonPerKm: "6:52", thresholdPerKm: "6:14", intervalPer400: "2:18", intervalPerKm: "—", repetitionPer400: "—"),
        Row(vdot: 32, easyPerKm: ("7:05", "7:52"), marathonPerKm: "6:40", thresholdPerKm: "6:05", intervalPer400: "2:14", intervalPerKm: "—", repetitionPer400: "—"),
        Row(vdot: 33, easyPerKm: ("6:55", "7:41"), marathonPerKm: "6:30", thresholdPerKm: "5:56", intervalPer400: "2:11", intervalPerKm: "—", repetitionPer400: "—"),
        Row(vdot: 34, easyPerKm: ("6:45", "7:31"), marathonPerKm: "6:20", thresholdPerKm: "5:48", intervalPer400: "2:08", intervalPerKm: "—", repetitionPer400: "2:00"),
        Row(vdot: 35, easyPerKm: ("6:36", "7:21"), marathonPerKm: "6:10", thresholdPerKm: "5:40", intervalPer400: "2:05", intervalPerKm: "—", repetitionPer400: "1:57"),
        Row(vdot: 36, easyPerKm: ("6:27", "7:11"), marathonPerKm: "6:01", thresholdPerKm: "5:33", intervalPer400: "2:02", intervalPerKm: "—", repetitionPer400: "1:54"),
        Row(vdot: 37, easyPerKm: ("6:19", "7:02"), marathonPerKm: "5:53", thresholdPerKm: "5:26", intervalPer400: "1:59", intervalPerKm: "5:00", repetitionPer400: "1:51"),
        Row(vdot: 38, easyPerKm: ("6:11", "6:54"), marathonPerKm: "5:45", thresholdPerKm: "5:19", intervalPer400: "1:56", intervalPerKm: "4:54", repetitionPer400: "1:48"),
        Row(vdot: 39, easyPerKm: ("6:03", "6:46"), marathonPerKm: "5:37", thresholdPerKm: "5:12", intervalPer400: "1:54", intervalPerKm: "4:48", repetitionPer400: "1:46"),
        Row(vdot: 40, easyPerKm: ("5:56", "6:38"), marathonPerKm: "5:29", thresholdPerKm: "5:06", intervalPer400: "1:52", intervalPerKm: "4:42", repetitionPer400: "1:44"),
        Row(vdot: 41, easyPerKm: ("5:49", "6:31"), marathonPerKm: "5:22", thresholdPerKm: "5:00", intervalPer400: "1:50", intervalPerKm: "4:36", repetitionPer400: "1:42"),
        Row(vdot: 42, easyPerKm: ("5:42", "6:23"), marathonPerKm: "5:16", thresholdPerKm: "4:54", intervalPer400: "1:48", intervalPerKm: "4:31", repetitionPer400: "1:40"),
        Row(vdot: 43, easyPerKm: ("5:35", "6:16"), marathonPerKm: "5:09", thresholdPerKm: "4:49", intervalPer400: "1:46", intervalPerKm: "4:26", repetitionPer400: "98"),
        Row(vdot: 44, easyPerKm: ("5:29", "6:10"), marathonPerKm: "5:03", thresholdPerKm: "4:43", intervalPer400: "1:44", intervalPerKm: "4:21", repetitionPer400: "96"),
        Row(vdot: 45, easyPerKm: ("5:23", "6:03"), marathonPerKm: "4:57", thresholdPerKm: "4:38", intervalPer400: "1:42", intervalPerKm: "4:16", repetitionPer400: "94"),
        Row(vdot: 46, easyPerKm: ("5:17", "5:57"), marathonPerKm: "4:51", thresholdPerKm: "4:33", intervalPer400: "1:40", intervalPerKm: "4:12", repetitionPer400: "92"),
        Row(vdot: 47, easyPerKm: ("5:12", "5:51"), marathonPerKm: "4:46", thresholdPerKm: "4:29", intervalPer400: "98", intervalPerKm: "4:07", repetitionPer400: "90"),
        Row(vdot: 48, easyPerKm: ("5:07", "5:45"), marathonPerKm: "4:41", thresholdPerKm: "4:24", intervalPer400: "96", intervalPerKm: "4:03", repetitionPer400: "89"),
        Row(vdot: 49, easyPerKm: ("5:01", "5:40"), marathonPerKm: "4:36", thresholdPerKm: "4:20", intervalPer400: "95", intervalPerKm: "3:59", repetitionPer400: "88"),
        Row(vdot: 50, easyPerKm: ("4:56", "5:34"), marathonPerKm: "4:31", thresholdPerKm: "4:15", intervalPer400: "93", intervalPerKm: "3:55", repetitionPer400: "87"),
        Row(vdot: 51, easyPerKm: ("4:52", "5:29"), marathonPerKm: "4:27", thresholdPerKm: "4:11", intervalPer400: "92", intervalPerKm: "3:51", repetitionPer400: "86"),
        Row(vdot: 52, easyPerKm: ("4:47", "5:24"), marathonPerKm: "4:22", thresholdPerKm: "4:07", intervalPer400: "91", intervalPerKm: "3:48", repetitionPer400: "85"),
        Row(vdot: 53, easyPerKm: ("4:43", "5:19"), marathonPerKm: "4:18", thresholdPerKm: "4:04", intervalPer400: "90", intervalPerKm: "3:44", repetitionPer400: "84"),
        Row(vdot: 54, easyPerKm: ("4:38", "5:14"), marathonPerKm: "4:14", thresholdPerKm: "4:00", intervalPer400: "88", intervalPerKm: "3:41", repetitionPer400: "82"),
        Row(vdot: 55, easyPerKm: ("4:34", "5:10"), marathonPerKm: "4:10", thresholdPerKm: "3:56", intervalPer400: "87", intervalPerKm: "3:37", repetitionPer400: "81"),
        Row(vdot: 56, easyPerKm: ("4:30", "5:05"), marathonPerKm: "4:06", thresholdPerKm: "3:53", intervalPer400: "86", intervalPerKm: "3:34", repetitionPer400: "80"),
        Row(vdot: 57, easyPerKm: ("4:26", "5:01"), marathonPerKm: "4:03", thresholdPerKm: "3:50", intervalPer400: "85", intervalPerKm: "3:31", repetitionPer400: "79"),
        Row(vdot: 58, easyPerKm: ("4:22", "4:57"), marathonPerKm: "3:59", thresholdPerKm: "3:46", intervalPer400: "83", intervalPerKm: "3:28", repetitionPer400: "77"),
        Row(vdot: 59, easyPerKm: ("4:19", "4:53"), marathonPerKm: "3:56", thresholdPerKm: "3:43", intervalPer400: "82", intervalPerKm: "3:25", repetitionPer400: "76"),
        Row(vdot: 60, easyPerKm: ("4:15", "4:49"), marathonPerKm: "3:52", thresholdPerKm: "3:40", intervalPer400: "81", intervalPerKm: "3:23", repetitionPer400: "75"),
        Row(vdot: 61, easyPerKm: ("4:11", "4:45"), marathonPerKm: "3:49", thresholdPerKm: "3:37", intervalPer400: "80", intervalPerKm: "3:20", repetitionPer400: "74"),
        Row(vdot: 62, easyPerKm: ("4:08", "4:41"), marathonPerKm: "3:46", thresholdPerKm: "3:34", intervalPer400: "79", intervalPerKm: "3:17", repetitionPer400: "73"),
        Row(vdot: 63, easyPerKm: ("4:05", "4:38"), marathonPerKm: "3:43", thresholdPerKm: "3:32", intervalPer400: "78", intervalPerKm: "3:15", repetitionPer400: "72"),
        Row(vdot: 64, easyPerKm: ("4:02", "4:34"), marathonPerKm: "3:40", thresholdPerKm: "3:29", intervalPer400: "77", intervalPerKm: "3:12", repetitionPer400: "71"),
        Row(vdot: 65, easyPerKm: ("3:59", "4:31"), marathonPerKm: "3:37", thresholdPerKm: "3:26", intervalPer400: "76", intervalPerKm: "3:10", repetitionPer400: "70"),
        Row(vdot: 66, easyPerKm: ("3:56", "4:28"), marathonPerKm: "3:34", thresholdPerKm: "3:24", intervalPer400: "75", intervalPerKm: "3:08", repetitionPer400: "69"),
        Row(vdot: 67, easyPerKm: ("3:53", "4:24"), marathonPerKm: "3:31", thresholdPerKm: "3:21", intervalPer400: "74", intervalPerKm: "3:05", repetitionPer400: "68"),
        Row(vdot: 68, easyPerKm: ("3:50", "4:21"), marathonPerKm: "3:29", thresholdPerKm: "3:19", intervalPer400: "73", intervalPerKm: "3:03", repetitionPer400: "67"),
        Row(vdot: 69, easyPerKm: ("3:47", "4:18"), marathonPerKm: "3:26", thresholdPerKm: "3:16", intervalPer400: "72", intervalPerKm: "3:01", repetitionPer400: "66"),
        Row(vdot: 70, easyPerKm: ("3:44", "4:15"), marathonPerKm: "3:24", thresholdPerKm: "3:14", intervalPer400: "71", intervalPerKm: "2:59", repetitionPer400: "65"),
        Row(vdot: 71, easyPerKm: ("3:42", "4:12"), marathonPerKm: "3:21", thresholdPerKm: "3:12", intervalPer400: "70", intervalPerKm: "2:57", repetitionPer400: "64"),
        Row(vdot: 72, easyPerKm: ("3:40", "4:10"), marathonPerKm: "3:19", thresholdPerKm: "3:10", intervalPer400: "69", intervalPerKm: "2:55", repetitionPer400: "63"),
        Row(vdot: 73, easyPerKm: ("3:37", "4:07"), marathonPerKm: "3:16", thresholdPerKm: "3:08", intervalPer400: "69", intervalPerKm: "2:53", repetitionPer400: "63"),
        Row(vdot: 74, easyPerKm: ("3:34", "4:04"), marathonPerKm: "3:14", thresholdPerKm: "3:06", intervalPer400: "68", intervalPerKm: "2:51", repetitionPer400: "62"),
        Row(vdot: 75, easyPerKm: ("3:32", "4:01"), marathonPerKm: "3:12", thresholdPerKm: "3:04", intervalPer400: "67", intervalPerKm: "2:49", repetitionPer400: "61"),
        Row(vdot: 76, easyPerKm: ("3:30", "3:58"), marathonPerKm: "3:10", thresholdPerKm: "3:02", intervalPer400: "66", intervalPerKm: "2:48", repetitionPer400: "60"),
        Row(vdot: 77, easyPerKm: ("3:28", "3:56"), marathonPerKm: "3:08", thresholdPerKm: "3:00", intervalPer400: "65", intervalPerKm: "2:46", repetitionPer400: "59"),
        Row(vdot: 78, easyPerKm: ("3:25", "3:53"), marathonPerKm: "3:06", thresholdPerKm: "2:58", intervalPer400: "65", intervalPerKm: "2:44", repetitionPer400: "59"),
        Row(vdot: 79, easyPerKm: ("3:23", "3:51"), marathonPerKm: "3:03", thresholdPerKm: "2:56", intervalPer400: "64", intervalPerKm: "2:42", repetitionPer400: "58"),
        Row(vdot: 80, easyPerKm: ("3:21", "3:49"), marathonPerKm: "3:01", thresholdPerKm: "2:54", intervalPer400: "64", intervalPerKm: "2:41", repetitionPer400: "58"),
    ]
}
