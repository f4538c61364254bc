using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KxHome.Host.Reports;

/// <summary>
/// Writes sheets as one <c>.xlsx</c> workbook, a zip of its parts written one after another and compressed as they
/// go: each worksheet's XML row by row (a province's 100,000 activities never become a document in memory, nor one
/// uncompressed part, as the Open XML SDK's package would hold them), the workbook, its relationships and the styles
/// (built with the SDK's objects): text as inline strings, numbers as numbers, merged ranges, borders, wrapped cells
/// and a bold centred header.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats, in the order the stylesheet lists them (0 is the default format).
    private const uint Body = 1, Header = 2, Title = 3, Note = 4;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>The workbook as bytes (a download, a case's file).</summary>
    public static byte[] Bytes(IEnumerable<Sheet> sheets)
    {
        using var output = new MemoryStream();
        Write(sheets, output);
        return output.ToArray();
    }

    public static void Write(IEnumerable<Sheet> sheets, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var names = new List<string>();
        foreach (var sheet in sheets)
        {
            names.Add(sheet.Name);
            Part(zip, $"xl/worksheets/sheet{names.Count}.xml", xml => WriteSheet(sheet, xml));
        }
        Part(zip, "xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationship);
            xml.WriteStartElement("sheets", Main);
            for (var i = 1; i <= names.Count; i++)
            {
                xml.WriteStartElement("sheet", Main);
                xml.WriteAttributeString("name", names[i - 1]);
                xml.WriteAttributeString("sheetId", Number(i));
                xml.WriteAttributeString("id", Relationship, $"rId{i}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        Part(zip, "xl/styles.xml", xml => xml.WriteRaw(Styles().OuterXml));
        Part(zip, "xl/_rels/workbook.xml.rels", xml => WriteRelationships(xml,
            [.. names.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml")), ("rIdStyles", "styles", "styles.xml")]));
        Part(zip, "_rels/.rels", xml => WriteRelationships(xml, [("rId1", "officeDocument", "xl/workbook.xml")]));
        Part(zip, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", Types);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= names.Count; i++)
            {
                Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
            xml.WriteEndElement();
        });
    }

    /// <summary>One part of the package: an XML document written into its zip entry (fast deflate: 70 MB of sheet XML at the best level took a second).</summary>
    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
    }

    private static void WriteRelationships(XmlWriter xml, IReadOnlyList<(string Id, string Type, string Target)> relationships)
    {
        xml.WriteStartElement("Relationships", Relationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", Relationships);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", $"{Relationship}/{type}");
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string extension, string type)
    {
        xml.WriteStartElement("Default", Types);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string part, string type)
    {
        xml.WriteStartElement("Override", Types);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", type);
        xml.WriteEndElement();
    }

    // The worksheet's XML is written row by row: 100,000 rows as element objects of the SDK took seconds.
    private static void WriteSheet(Sheet sheet, XmlWriter xml)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("cols", Main);
        for (var i = 0; i < sheet.Widths.Count; i++)
        {
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", Number(i + 1));
            xml.WriteAttributeString("max", Number(i + 1));
            xml.WriteAttributeString("width", sheet.Widths[i].ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", Main);
        for (var r = 0; r < sheet.Lines.Count; r++)
        {
            var line = sheet.Lines[r];
            var style = Number(line.Look switch { Sheet.Look.Header => Header, Sheet.Look.Title => Title, Sheet.Look.Note => Note, _ => Body });
            xml.WriteStartElement("row", Main);
            xml.WriteAttributeString("r", Number(r + 1));
            // Every row is written across the sheet's width, so a merged range has its border (and readers its cells) everywhere.
            for (var c = 0; c < sheet.Widths.Count; c++) WriteCell(xml, c < line.Cells.Count ? line.Cells[c] : null, Reference(r, c), style);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        if (sheet.Merges.Count > 0)
        {
            xml.WriteStartElement("mergeCells", Main);
            xml.WriteAttributeString("count", Number(sheet.Merges.Count));
            foreach (var m in sheet.Merges)
            {
                xml.WriteStartElement("mergeCell", Main);
                xml.WriteAttributeString("ref", $"{Reference(m.Row, m.Column)}:{Reference(m.Row + m.Rows - 1, m.Column + m.Columns - 1)}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>A cell: text as an inline string, a number as a number, nothing but its style when empty.</summary>
    private static void WriteCell(XmlWriter xml, object? value, string reference, string style)
    {
        xml.WriteStartElement("c", Main);
        xml.WriteAttributeString("r", reference);
        xml.WriteAttributeString("s", style);
        switch (value)
        {
            case null:
                break;
            case int or long or decimal or double:
                xml.WriteElementString("v", Main, Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                var text = Clean(value.ToString() ?? "");
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteEndElement();
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>Text without the control characters XML cannot hold (a pasted form feed would break the file); tabs and line breaks stay.</summary>
    private static string Clean(string text) =>
        text.Any(ch => ch < ' ' && ch is not ('\t' or '\n' or '\r')) ? new string(text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r').ToArray()) : text;

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

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
