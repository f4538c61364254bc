using KxHome.Host.Cases;

namespace KxHome.Host.Homes;

/// <summary>
/// What the news panel (Pages/Shared/_News) shows: homes' news on time (R25), where its 催办 returns to, and where its
/// overdue list downloads as .xlsx (on an association's page).
/// </summary>
public sealed record NewsPanel(IReadOnlyList<NewsDesk.HomeNews> Homes, Viewer Viewer, string ReturnUrl, string? ExportUrl = null);
