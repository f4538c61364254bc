using System.Globalization;
using System.Text;

namespace KxHome.Host.Reports;

/// <summary>
/// Writes a sheet as CSV (RFC 4180) in UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. A
/// merged range's text stands in its first cell; the others are empty.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(Sheet sheet, Stream output)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        foreach (var line in sheet.Lines)
        {
            var cells = Enumerable.Range(0, sheet.Widths.Count).Select(c => c < line.Cells.Count ? Text(line.Cells[c]) : "");
            await writer.WriteLineAsync(string.Join(",", cells.Select(Quote)));
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
