using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Associations;

/// <summary>培育升级: a home's three years to a park association, on the virtual clock (art. 8, R10–R12, and R19–R20 at its end).</summary>
public sealed class CultivationTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;
    private readonly AssociationDriver _paths;

    public CultivationTests()
    {
        _drive = new HomeDriver(_host);
        _paths = new AssociationDriver(_drive);
    }

    [Fact]
    public async Task A_listed_home_goes_through_years_1_to_3_founds_a_park_association_and_its_first_renewal_opens_five_years_later_R10_R11_R12_R19_R20()
    {
        var home = await _paths.ListedHomeAsync();
        var caseId = await _paths.StartCultivationAsync(home.Id);
        await _drive.WaitAtAsync(caseId, "commit");
        (await _paths.PathAsync(caseId)).Should().Match<CultivationPath>(p => p.Stage == CultivationStage.Launch && p.FromList);

        await _paths.DeclareIntentAsync(caseId);
        var year2 = await _paths.TimerAsync(caseId, "year2Start");
        TimeZoneInfo.ConvertTimeFromUtc(year2.DueAt, HomeDriver.Beijing).Should().Be(new DateTime(2027, 1, 1), "year 2 begins on the January 1 after the intent");
        (await _paths.PathAsync(caseId)).IntentDeclaredOn.Should().Be(new DateOnly(2026, 5, 6));

        await _drive.AdvanceToAsync(2027, 1, 4);
        await _paths.GuideAsync(caseId, "指导搭建之家运营架构");
        await _paths.GuideAsync(caseId, "对接高校公益资源");
        (await _paths.PathAsync(caseId)).Stage.Should().Be(CultivationStage.Improve);
        await _drive.AdvanceToAsync(2027, 12, 1, 10);
        await _paths.VerifyAsync(caseId, passed: true);
        await _paths.TimerAsync(caseId, "year3Start");
        (await _drive.ReadAsync(db => db.CultivationGuidance.CountAsync())).Should().Be(2, "each guidance is kept with its date and content (R11)");

        await _drive.AdvanceToAsync(2028, 1, 3);
        await _drive.WaitAtAsync(caseId, "conditions");
        (await _paths.PathAsync(caseId)).Stage.Should().Be(CultivationStage.Upgrade, "passed year 2 → year 3 (R12)");
        await _drive.CompleteAsync(caseId, "conditions", "district", new JsonObject { ["meetsConditions"] = true, ["opinion"] = "具备成立园区科协的基础条件" });
        var founding = await _paths.FoundingCaseAsync(caseId);
        await _paths.FoundAsync(founding);
        var ended = await _drive.SettleAsync(caseId);

        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));
        var association = await _paths.AssociationAsync();
        association.Status.Should().Be(AssociationStatus.Active);
        association.FoundedBy.Should().Be(FoundingMode.Approval);
        association.ApprovalNumber.Should().Be("嘉科协〔2028〕3号");
        association.HomeId.Should().Be(home.Id);
        var path = await _paths.PathAsync(caseId);
        path.Stage.Should().Be(CultivationStage.Founded);
        path.AssociationId.Should().Be(association.Id);
        var term = (await _paths.TermsAsync(association.Id)).Single();
        term.Should().Match<AssociationTerm>(t => t.Number == 1 && t.Years == 5 && t.StartsOn == new DateOnly(2028, 1, 3) && t.EndsOn == new DateOnly(2033, 1, 2));
        (await _drive.ReadAsync(db => db.AssociationOfficers.Where(o => o.TermId == term.Id).Select(o => o.Name).ToListAsync()))
            .Should().Contain(["陈立新", "王建国", "李晓梅", "周文斌", "赵丽华"]);

        // Its first 换届 opens six months before the term's end, not before.
        await _drive.AdvanceToAsync(2032, 7, 1, 8);
        (await _drive.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = term.RenewalCaseId })).Should().BeEmpty();
        await _drive.AdvanceToAsync(2032, 7, 2);
        (await _drive.WaitAtAsync(term.RenewalCaseId!.Value, "prepare")).Single().DueAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Year_2_begun_on_the_verification_day_is_verified_a_year_later_R11()
    {
        // An administrator brings year 2 forward on 12月1日 (the verification day) at 10:00, after that day's verification time.
        await using var host = new TestHost(start: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        var drive = new HomeDriver(host);
        var paths = new AssociationDriver(drive);
        var caseId = await paths.StartCultivationAsync((await paths.ListedHomeAsync()).Id);
        await paths.DeclareIntentAsync(caseId);
        var year2 = await paths.TimerAsync(caseId, "year2Start");
        await drive.Engine.DueNowAsync(year2.Id, await drive.MeAsync("admin"), "提前进入第二年");

        await drive.WaitAtAsync(caseId, "guide");
        var verification = await paths.TimerAsync(caseId, "verificationDue");
        TimeZoneInfo.ConvertTimeFromUtc(verification.DueAt, HomeDriver.Beijing).Should().Be(new DateTime(2027, 12, 1, 9, 0, 0),
            "a year of guidance before the basic verification, not a verification the moment year 2 begins");
    }

    [Fact]
    public async Task The_intent_needs_the_signed_commitment_and_activities_held_this_year_R10()
    {
        var home = await _paths.ListedHomeAsync();
        await _drive.WithAsync<KxHome.Host.Identity.AppDbContext, int>(async db =>
        {
            db.ServiceEvents.RemoveRange(db.ServiceEvents.Where(e => e.HomeId == home.Id));
            return await db.SaveChangesAsync();
        });
        var caseId = await _paths.StartCultivationAsync(home.Id);

        var refused = await _paths.TrySubmitAsync(caseId, "commit", "applicant", AssociationDriver.Commitment());
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        errors["document:commitment"]![0]!.GetValue<string>().Should().Be("请上传：自主运维承诺书（签署盖章）");
        errors["activitiesHeld"]![0]!.GetValue<string>().Should().Contain("本年度还没有面向科技工作者的活动").And.Contain("R10");

        (await _paths.UploadAsync(caseId, "commitment")).StatusCode.Should().Be(HttpStatusCode.Created);
        await _drive.WithAsync<KxHome.Host.Identity.AppDbContext, int>(async db =>
        {
            db.ServiceEvents.Add(new ServiceEvent { Id = Guid.CreateVersion7(), HomeId = home.Id, HeldOn = new DateOnly(2026, 4, 20), Category = ServiceEventCategory.PatentTraining, Title = "专利申报培训", Participants = 25 });
            return await db.SaveChangesAsync();
        });
        (await _paths.TrySubmitAsync(caseId, "commit", "applicant", AssociationDriver.Commitment())).StatusCode.Should().Be(HttpStatusCode.OK);
        await _drive.WaitAtAsync(caseId, "acceptIntent");
        (await _paths.PathAsync(caseId)).IntentDeclaredOn.Should().NotBeNull();
    }

    [Fact]
    public async Task A_failed_year_2_verification_keeps_the_improvement_points_and_does_not_reach_year_3_that_year_R11()
    {
        var home = await _paths.ListedHomeAsync();
        var caseId = await _paths.StartCultivationAsync(home.Id);
        await _paths.DeclareIntentAsync(caseId);
        await _paths.TimerAsync(caseId, "year2Start");
        await _drive.AdvanceToAsync(2027, 1, 4);
        await _paths.GuideAsync(caseId);
        await _drive.AdvanceToAsync(2027, 12, 1, 10);

        var bare = await _paths.TrySubmitAsync(caseId, "verify", "district", new JsonObject { ["passed"] = false, ["opinion"] = "运维情况未达到基本要求" });
        bare.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bare.Content.ReadAsStringAsync()).Should().Contain("未通过核验的，须写明优化方向（R11）");
        await _paths.VerifyAsync(caseId, passed: false, points: "建立月度例会制度；完善服务台账");

        await _drive.WaitAtAsync(caseId, "guide"); // another year of guidance
        await _paths.TimerAsync(caseId, "verificationDue");
        await _drive.AdvanceToAsync(2028, 1, 3);
        var path = await _paths.PathAsync(caseId);
        path.Stage.Should().Be(CultivationStage.Improve, "a failed verification does not reach year 3");
        var verification = await _drive.ReadAsync(db => db.CultivationVerifications.AsNoTracking().SingleAsync(v => v.PathId == path.Id));
        verification.Should().Match<CultivationVerification>(v => v.Year == 2027 && !v.Passed && v.ImprovementPoints == "建立月度例会制度；完善服务台账");
        (await _drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).Single().DueAt
            .Should().Be(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2028, 12, 1, 9, 0, 0), HomeDriver.Beijing), "verified again at the next year's end");

        // A second failure ends the path without an association, keeping why.
        await _drive.AdvanceToAsync(2028, 12, 1, 10);
        await _paths.VerifyAsync(caseId, passed: false, points: "仍未建立例会制度");
        (await _drive.SettleAsync(caseId)).Status.Should().Be(InstanceStatus.Completed);
        path = await _paths.PathAsync(caseId);
        path.Stage.Should().Be(CultivationStage.Ended);
        path.EndReason.Should().Contain("2 次未通过").And.Contain("仍未建立例会制度");
    }

    /// <summary>Takes a started path through years 1 and 2 to year 3's founding; gives the founding case.</summary>
    private async Task<Guid> ToFoundingAsync(Guid caseId)
    {
        await _paths.DeclareIntentAsync(caseId);
        await _paths.TimerAsync(caseId, "year2Start");
        await _drive.AdvanceToAsync(2027, 1, 4);
        await _paths.GuideAsync(caseId);
        await _drive.AdvanceToAsync(2027, 12, 1, 10);
        await _paths.VerifyAsync(caseId, passed: true);
        await _paths.TimerAsync(caseId, "year3Start");
        await _drive.AdvanceToAsync(2028, 1, 3);
        await _drive.CompleteAsync(caseId, "conditions", "district", new JsonObject { ["meetsConditions"] = true, ["opinion"] = "具备基础条件" });
        return await _paths.FoundingCaseAsync(caseId);
    }

    [Fact]
    public async Task A_founding_the_local_association_refuses_ends_the_path_with_why_and_the_home_may_set_out_again_R12_R19()
    {
        var home = await _paths.ListedHomeAsync();
        var caseId = await _paths.StartCultivationAsync(home.Id);
        var founding = await ToFoundingAsync(caseId);
        (await _paths.UploadAsync(founding, "charter")).IsSuccessStatusCode.Should().BeTrue();
        await _drive.CompleteAsync(founding, "draft", "applicant", AssociationDriver.FoundingApplication());
        await _drive.CompleteAsync(founding, "consent", "party", new JsonObject { ["approved"] = true, ["opinion"] = "同意" });
        await _drive.CompleteAsync(founding, "approve", "district", new JsonObject { ["approved"] = false, ["opinion"] = "科技工作者数量不足" });

        var ended = await _drive.SettleAsync(caseId);
        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));
        var path = await _paths.PathAsync(caseId);
        path.Stage.Should().Be(CultivationStage.Ended);
        path.EndReason.Should().Be("地方科协不予批准成立：科技工作者数量不足");
        (await _paths.AssociationAsync()).Status.Should().Be(AssociationStatus.Refused);
        (await _paths.TryStartCultivationAsync(home.Id)).IsSuccessStatusCode.Should().BeTrue("a refused founding does not bar a new path");
    }

    [Fact]
    public async Task Withdrawing_the_path_withdraws_it_and_a_called_founding_cannot_be_withdrawn_on_its_own()
    {
        var home = await _paths.ListedHomeAsync();
        var caseId = await _paths.StartCultivationAsync(home.Id);
        await _drive.WaitAtAsync(caseId, "commit");
        var applicant = await _drive.AsAsync("applicant");
        (await applicant.PostAsJsonAsync($"/api/cases/{caseId}/withdraw", new { reason = "暂缓培育" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var path = await _paths.PathAsync(caseId);
        path.Should().Match<CultivationPath>(p => p.Stage == CultivationStage.Ended && p.EndReason == "暂缓培育");

        var again = await _paths.StartCultivationAsync(home.Id);
        var founding = await ToFoundingAsync(again);
        var refused = await (await _drive.AsAsync("applicant")).PostAsJsonAsync($"/api/cases/{founding}/withdraw", new { reason = "单独撤回" });
        refused.IsSuccessStatusCode.Should().BeFalse();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("不能撤回");
    }

    [Fact]
    public async Task A_home_revoked_on_its_path_leaves_it_R15()
    {
        var home = await _paths.ListedHomeAsync();
        var caseId = await _paths.StartCultivationAsync(home.Id);
        await _paths.DeclareIntentAsync(caseId);
        await _paths.TimerAsync(caseId, "year2Start");
        await _drive.AdvanceToAsync(2026, 10, 1, 8);
        await _drive.AssessAsync(home.Id, 2026, "Unqualified");
        await _drive.AdvanceToAsync(2027, 10, 1, 8);
        (await _paths.PathAsync(caseId)).Stage.Should().Be(CultivationStage.Improve, "rectifying, the home is still on its path");
        await _drive.AssessAsync(home.Id, 2027, "Unqualified");

        await JobRuns.UntilAsync(_drive.Engine, async () => (await _paths.PathAsync(caseId)).Stage == CultivationStage.Ended);
        (await _drive.HomeAsync(home.Id)).Status.Should().Be(HomeStatus.Revoked);
        (await _paths.PathAsync(caseId)).EndReason.Should().Contain("之家已取消资格").And.Contain("培育路径终止");
        (await _drive.Engine.Queries.GetInstanceAsync(caseId)).Status.Should().Be(InstanceStatus.Cancelled);
    }

    [Fact]
    public async Task Only_an_active_enterprise_or_park_home_sets_out_and_only_once()
    {
        var street = await _drive.SeedHomeAsync("街镇之家", HomeKind.Street);
        var refused = await _paths.TryStartCultivationAsync(street.Id);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("企业/园区之家");

        var home = await _paths.ListedHomeAsync();
        await _paths.StartCultivationAsync(home.Id);
        var twice = await _paths.TryStartCultivationAsync(home.Id);
        (await twice.Content.ReadAsStringAsync()).Should().Contain("已有进行中的培育升级案件");
        twice.IsSuccessStatusCode.Should().BeFalse();

        var yiyang = await _drive.SeedHomeAsync("益阳之家", HomeKind.Park, ruleSet: RuleSet.Yiyang, organisation: "yy-hitech");
        var elsewhere = await _paths.TryStartCultivationAsync(yiyang.Id, "applicant3");
        (await elsewhere.Content.ReadAsStringAsync()).Should().Contain("嘉定区规则（第八条）");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
