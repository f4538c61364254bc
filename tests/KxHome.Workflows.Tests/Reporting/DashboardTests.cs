using KxHome.Host.Identity;
using KxHome.Host.Reports;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Reporting;

/// <summary>The dashboard's counts of open and overdue tasks, which it reads 500 tasks at a time.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private const int OpenCases = 520; // more than one page of 500

    private static readonly string Flow = Bpmn.Process("paging", """
        <startEvent id="start"/>
        <userTask id="review" name="审核" camunda:candidateGroups="district" camunda:dueDate="P1D"/>
        <endEvent id="end"/>
        """ + Bpmn.Flow("f1", "start", "review") + Bpmn.Flow("f2", "review", "end"));

    private readonly TestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_dashboard_counts_every_open_and_overdue_task_past_the_first_500()
    {
        using var drive = new HomeDriver(_host);
        await drive.Engine.DeployAsync(Flow, "tester");
        await drive.Engine.StartManyAsync(Enumerable.Range(0, OpenCases)
            .Select(i => new StartRequest("paging") { BusinessKey = $"P-{i}", Owner = "jd-materials" }).ToList());
        await drive.Time.AdvanceAsync("P2D", HomeDriver.Beijing); // every review is a day overdue
        var district = await drive.ReadAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == "jd"));

        var charts = await drive.WithAsync<Dashboard, IReadOnlyList<Dashboard.Chart>>(dashboard => dashboard.ChartsAsync(district, 2026));

        Value(charts, "cases", "paging · 审核").Should().Be(OpenCases, "the cases chart counts every open review, not the first page");
        Value(charts, "overdue", "待办超过期限").Should().Be(OpenCases);
    }

    private static decimal Value(IReadOnlyList<Dashboard.Chart> charts, string chart, string category)
    {
        var found = charts.Single(c => c.Id == chart);
        return found.Series[0].Values[found.Categories.ToList().IndexOf(category)];
    }
}
