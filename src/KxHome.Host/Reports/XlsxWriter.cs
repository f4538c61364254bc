using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KxHome.Host.Reports;

/// <summary>
/// Writes sheets as one <c>.xlsx</c> workbook with the Open XML SDK, row by row (a streaming writer, so a province's
/// 100,000 activities do not build a document in memory): text as inline strings, numbers as numbers, merged
/// ranges, borders, wrapped cells and a bold centred header.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats, in the order the stylesheet lists them.
    private const uint Plain = 0, Body = 1, Header = 2, Title = 3, Note = 4;

    public static void Write(IEnumerable<Sheet> sheets, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var list = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(sheet, part);
            list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook = new Workbook(list);
    }

    private static void WriteSheet(Sheet sheet, WorksheetPart part)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < sheet.Widths.Count; i++)
        {
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = sheet.Widths[i], CustomWidth = true });
        }
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        for (var r = 0; r < sheet.Lines.Count; r++)
        {
            var line = sheet.Lines[r];
            var look = line.Look switch { Sheet.Look.Header => Header, Sheet.Look.Title => Title, Sheet.Look.Note => Note, _ => Body };
            writer.WriteStartElement(new Row { RowIndex = (uint)r + 1 });
            // Every row is written across the sheet's width, so a merged range has its border (and readers its cells) everywhere.
            for (var c = 0; c < sheet.Widths.Count; c++) writer.WriteElement(CellOf(c < line.Cells.Count ? line.Cells[c] : null, Reference(r, c), look));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        if (sheet.Merges.Count > 0)
        {
            writer.WriteStartElement(new MergeCells { Count = (uint)sheet.Merges.Count });
            foreach (var m in sheet.Merges)
            {
                writer.WriteElement(new MergeCell { Reference = $"{Reference(m.Row, m.Column)}:{Reference(m.Row + m.Rows - 1, m.Column + m.Columns - 1)}" });
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static Cell CellOf(object? value, string reference, uint style) => value switch
    {
        null => new Cell { CellReference = reference, StyleIndex = style },
        int or long or decimal or double => new Cell
        {
            CellReference = reference, StyleIndex = style, DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
        },
        _ => new Cell
        {
            CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>"A1" for row 0, column 0; "AB12" for row 11, column 27.</summary>
    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + (row + 1);
    }

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var borders = new Borders(new Border(), thin);
        var formats = new CellFormats(
            new CellFormat(),
            Format(fontId: 0, borderId: 1, HorizontalAlignmentValues.Left),
            Format(fontId: 1, borderId: 1, HorizontalAlignmentValues.Center),
            Format(fontId: 2, borderId: 0, HorizontalAlignmentValues.Center),
            Format(fontId: 0, borderId: 0, HorizontalAlignmentValues.Left));
        return new Stylesheet(fonts, fills, borders, formats);
    }

    private static CellFormat Format(uint fontId, uint borderId, HorizontalAlignmentValues horizontal) => new(
        new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = true })
    {
        FontId = fontId, BorderId = borderId, FillId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true,
    };
}
