namespace KxHome.Host.Reports;

/// <summary>
/// A table as people hand it in: a title, header rows, body rows and footer rows of cells (text or numbers), with
/// merged ranges. One sheet is written both as a worksheet of an <c>.xlsx</c> (<see cref="XlsxWriter"/>) and as CSV
/// (<see cref="CsvWriter"/>), so the two never differ.
/// </summary>
public sealed class Sheet(string name, params double[] widths)
{
    /// <summary>A merged range, zero-based: its top-left cell and its size.</summary>
    public sealed record Merge(int Row, int Column, int Rows, int Columns);

    public enum Look
    {
        Body,
        Header,
        Title,
        Note,
    }

    public sealed record Line(IReadOnlyList<object?> Cells, Look Look);

    /// <summary>A cell of files: their names in a file, links on a page.</summary>
    public sealed record Files(IReadOnlyList<(string Name, string Href)> Items)
    {
        public override string ToString() => string.Join("、", Items.Select(i => i.Name));
    }

    private readonly List<Line> lines = [];
    private readonly List<Merge> merges = [];

    /// <summary>The worksheet's name, e.g. 附件1-1.</summary>
    public string Name { get; } = name;

    /// <summary>The columns' widths in characters; their count is the sheet's width.</summary>
    public IReadOnlyList<double> Widths { get; } = widths;

    public IReadOnlyList<Line> Lines => lines;

    public IReadOnlyList<Merge> Merges => merges;

    /// <summary>A title spanning every column.</summary>
    public Sheet Title(string text) => Add(Look.Title, [text]).Span(lines.Count - 1, 0, 1, Widths.Count);

    public Sheet Header(params object?[] cells) => Add(Look.Header, cells);

    public Sheet Row(params object?[] cells) => Add(Look.Body, cells);

    /// <summary>A note spanning every column (备注).</summary>
    public Sheet Note(string text) => Add(Look.Note, [text]).Span(lines.Count - 1, 0, 1, Widths.Count);

    public Sheet Span(int row, int column, int rows, int columns)
    {
        merges.Add(new Merge(row, column, rows, columns));
        return this;
    }

    private Sheet Add(Look look, object?[] cells)
    {
        if (cells.Length > Widths.Count) throw new ArgumentException($"{Name}: a row of {cells.Length} cells in {Widths.Count} columns");
        lines.Add(new Line(cells, look));
        return this;
    }

    /// <summary>A plain list (a page's table) with one header row.</summary>
    public static Sheet List(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sheet = new Sheet(name, headers.Select(h => Math.Max(10.0, h.Length * 2.2)).ToArray()).Header([.. headers]);
        foreach (var row in rows) sheet.Row([.. row]);
        return sheet;
    }
}
