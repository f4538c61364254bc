using KxHome.Host.Cases;

namespace KxHome.Host.Homes;

/// <summary>What the news panel (Pages/Shared/_News) shows: homes' news on time (R25), and where its 催办 returns to.</summary>
public sealed record NewsPanel(IReadOnlyList<NewsDesk.HomeNews> Homes, Viewer Viewer, string ReturnUrl);
