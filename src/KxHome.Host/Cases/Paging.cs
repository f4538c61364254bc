namespace KxHome.Host.Cases;

/// <summary>Which page of a list to show: numbered from 1, at most <see cref="MaxSize"/> rows.</summary>
public sealed record Paging(int Number, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public int Skip => (Number - 1) * Size;

    /// <summary>A page from query-string values; missing or silly values give the first page of the default size.</summary>
    public static Paging Of(int? number, int? size) =>
        new(Math.Max(1, number ?? 1), Math.Clamp(size ?? DefaultSize, 1, MaxSize));
}

/// <summary>One page of a list, and whether another follows.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int Size, bool HasMore)
{
    /// <summary>Rows read with one extra (Take = Size + 1) to learn whether another page follows.</summary>
    public static Paged<T> From(IReadOnlyList<T> rows, Paging paging) =>
        new(rows.Take(paging.Size).ToList(), paging.Number, paging.Size, rows.Count > paging.Size);
}
