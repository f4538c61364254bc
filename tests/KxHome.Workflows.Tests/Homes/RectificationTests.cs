using KxHome.Host.Mail;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>限期整改: a one-year window on the virtual clock, with reminders before it closes.</summary>
public sealed class RectificationTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;

    public RectificationTests() => _drive = new HomeDriver(_host);

    private async Task<List<string>> RemindersAsync()
    {
        await _host.Factory.Services.GetRequiredService<DeadlineWatch>().ScanOnceAsync();
        await _host.Factory.Services.GetRequiredService<NoticeDispatcher>().DispatchOnceAsync();
        return await _drive.ReadAsync(db => db.SentMails.Where(m => m.Subject.StartsWith("办理期限提醒")).Select(m => m.Subject).ToListAsync());
    }

    [Fact]
    public async Task Without_a_passed_re_verification_the_deadline_fires_after_a_year_after_reminders_30_7_and_1_days_before_R15()
    {
        var home = await _drive.SeedHomeAsync("逾期整改之家");
        await _drive.AdvanceToAsync(2026, 10, 1, 8);
        await _drive.AssessAsync(home.Id, 2026, "Unqualified");
        var caseId = (await _drive.ReadAsync(db => db.Assessments.SingleAsync(a => a.HomeId == home.Id))).RectificationCaseId!.Value;
        var plan = (await _drive.WaitAtAsync(caseId, "plan")).Single();
        var due = plan.DueAt!.Value;
        var started = (await _drive.Engine.Queries.GetInstanceAsync(caseId)).StartedAt;
        due.Should().BeCloseTo(started.AddYears(1), TimeSpan.FromMinutes(1), "the window is one year (P1Y)");
        (await _drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).Should().ContainSingle(t => t.ElementId == "periodExpired");

        await _drive.Time.AdvanceToAsync(due.AddDays(-31));
        (await RemindersAsync()).Should().BeEmpty();
        await _drive.Time.AdvanceToAsync(due.AddDays(-29));
        (await RemindersAsync()).Should().HaveCount(1, "30 days before");
        await _drive.Time.AdvanceToAsync(due.AddDays(-6));
        (await RemindersAsync()).Should().HaveCount(2, "7 days before");
        await _drive.Time.AdvanceToAsync(due.AddHours(-12));
        (await RemindersAsync()).Should().HaveCount(3, "1 day before");
        (await _drive.Engine.Queries.GetInstanceAsync(caseId)).Status.Should().Be(InstanceStatus.Active, "the deadline has not passed yet");

        await _drive.Time.AdvanceToAsync(due.AddHours(1));
        var ended = await _drive.SettleAsync(caseId);

        ended.Status.Should().Be(InstanceStatus.Completed);
        ended.History.Should().Contain(h => h.Kind == HistoryKind.ElementLeft && h.ElementId == "overdue");
        (await _drive.HomeAsync(home.Id)).Status.Should().Be(HomeStatus.Rectifying, "the next assessment decides (R15)");
        (await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).Select(c => c.Reason).ToListAsync()))
            .Should().Contain(r => r.Contains("整改期满（1年）未通过复核"));
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
