package touchpoint.analytics;

import java.util.List;

/** RFC 4180 CSV cells, safe to open in a spreadsheet. */
final class Csv {

    private Csv() {
    }

    static String row(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        return b.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        // A cell starting with = + - @ is a formula to spreadsheets: customer text must never run as one.
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
