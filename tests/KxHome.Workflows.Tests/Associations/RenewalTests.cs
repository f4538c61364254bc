using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Associations;

/// <summary>换届 (R20–R24): the four steps, the nominations' deadline, the congress's results, the filing, and the next term's wait.</summary>
public sealed class RenewalTests : IAsyncDisposable
{
    private static readonly string[] Documents = ["workReport", "charterAmendment", "candidateList", "delegatePlan"];

    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;
    private readonly AssociationDriver _associations;

    public RenewalTests()
    {
        _drive = new HomeDriver(_host);
        _associations = new AssociationDriver(_drive);
    }

    /// <summary>An association whose five-year term ends on 2026-10-31: its 换届 opened on 2026-04-30 and waits at step 1.</summary>
    private async Task<(ParkAssociation Association, Guid CaseId)> OpenedAsync()
    {
        var (association, caseId) = await _associations.SeedAssociationAsync(new DateOnly(2021, 11, 1));
        await _drive.Time.AdvanceAsync("PT1M", HomeDriver.Beijing);
        await _drive.WaitAtAsync(caseId, "prepare");
        return (association, caseId);
    }

    private async Task PreparedAsync(Guid caseId)
    {
        foreach (var slot in Documents) (await _associations.UploadAsync(caseId, slot, fileName: slot + ".pdf")).StatusCode.Should().Be(HttpStatusCode.Created);
        await _drive.CompleteAsync(caseId, "prepare", "applicant", new JsonObject { ["note"] = "筹备工作已完成" });
    }

    /// <summary>Step 2 approved (R22); gives the nominations' closing time the notice set (R23).</summary>
    private async Task<DateTime> ApprovedAsync(Guid caseId)
    {
        await _drive.CompleteAsync(caseId, "committeeReview", "committee", new JsonObject { ["approved"] = true, ["opinion"] = "审议通过" });
        await _drive.CompleteAsync(caseId, "partyAgree", "party", new JsonObject { ["approved"] = true, ["opinion"] = "同意" });
        return (await _associations.TimerAsync(caseId, "nominationsClose")).DueAt;
    }

    private async Task<HttpResponseMessage> NominateAsync(Guid associationId, string name, string login = "applicant") =>
        await (await _drive.AsAsync(login)).PostAsJsonAsync($"/api/associations/{associationId}/nominations",
            new { kind = "Candidate", name, unit = "园区企业", reason = "长期从事研发工作" });

    [Fact]
    public async Task Step_1_cannot_be_submitted_without_the_four_documents_R21()
    {
        var (_, caseId) = await OpenedAsync();
        await _associations.UploadAsync(caseId, "workReport");
        await _associations.UploadAsync(caseId, "candidateList");
        var unknown = await _associations.UploadAsync(caseId, "budget");
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("当前环节不要求材料 “budget”");

        var refused = await _associations.TrySubmitAsync(caseId, "prepare", "applicant", new JsonObject());
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo(["document:charterAmendment", "document:delegatePlan"]);
        errors["document:charterAmendment"]![0]!.GetValue<string>().Should().Be("请上传：章程修改草案及说明");

        await _associations.UploadAsync(caseId, "charterAmendment");
        await _associations.UploadAsync(caseId, "delegatePlan");
        (await _associations.TrySubmitAsync(caseId, "prepare", "applicant", new JsonObject())).StatusCode.Should().Be(HttpStatusCode.OK);
        await _drive.WaitAtAsync(caseId, "committeeReview");
    }

    [Fact]
    public async Task Step_2_needs_the_committee_then_the_party_committee_and_either_sends_it_back_R22()
    {
        var (_, caseId) = await OpenedAsync();
        await PreparedAsync(caseId);
        (await _drive.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Select(t => t.ElementId).Should().Equal("committeeReview");
        var party = await _drive.AsAsync("party");
        (await party.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Should().BeEmpty("the party working committee comes after the committee");

        await _drive.CompleteAsync(caseId, "committeeReview", "committee", new JsonObject { ["approved"] = false, ["opinion"] = "候选人名单需补充" });
        await _drive.WaitAtAsync(caseId, "prepare");
        await _drive.CompleteAsync(caseId, "prepare", "applicant", new JsonObject());
        await _drive.CompleteAsync(caseId, "committeeReview", "committee", new JsonObject { ["approved"] = true, ["opinion"] = "审议通过" });
        await _drive.CompleteAsync(caseId, "partyAgree", "party", new JsonObject { ["approved"] = false, ["opinion"] = "代表名额分配需调整" });
        await _drive.WaitAtAsync(caseId, "prepare");
        await _drive.CompleteAsync(caseId, "prepare", "applicant", new JsonObject());
        await ApprovedAsync(caseId);

        var history = (await _drive.Engine.Queries.GetInstanceAsync(caseId)).History.Where(h => h.Kind == HistoryKind.TaskCompleted).Select(h => h.ElementId).ToList();
        history.Should().Equal("prepare", "committeeReview", "prepare", "committeeReview", "partyAgree", "prepare", "committeeReview", "partyAgree");
    }

    [Fact]
    public async Task Nominations_are_collected_until_their_deadline_and_the_congress_is_convened_only_after_R23()
    {
        var (association, caseId) = await OpenedAsync();
        (await NominateAsync(association.Id, "过早")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "no notice yet");
        await PreparedAsync(caseId);
        var closes = await ApprovedAsync(caseId);
        TimeZoneInfo.ConvertTimeFromUtc(closes, HomeDriver.Beijing).Should().Be(new DateTime(2026, 5, 22), "15 days after the notice, to the end of the day");

        (await NominateAsync(association.Id, "王建国")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await NominateAsync(association.Id, "李晓梅", "committee")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _drive.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Should().BeEmpty("the congress is convened only after the nominations close");

        await _drive.Time.AdvanceToAsync(closes.AddMinutes(1));
        var late = await NominateAsync(association.Id, "迟到者");
        late.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync()).Should().Contain("R23");
        await _drive.WaitAtAsync(caseId, "convene");
        (await _drive.ReadAsync(db => db.Nominations.Where(n => n.CaseId == caseId).Select(n => n.Name).ToListAsync())).Should().Equal("王建国", "李晓梅");
        var early = await _associations.TrySubmitAsync(caseId, "convene", "applicant", new JsonObject { ["congressOn"] = "2026-05-21", ["venue"] = "园区会议中心", ["delegatesPresent"] = 80 });
        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).Should().Contain("大会须在此之后召开（R23）");
    }

    [Fact]
    public async Task The_congress_elects_the_new_term_s_committee_and_officers_and_it_is_filed_with_the_higher_association_R24_R20()
    {
        var (association, caseId) = await OpenedAsync();
        await PreparedAsync(caseId);
        await ApprovedAsync(caseId);
        await _drive.AdvanceToAsync(2026, 5, 25);
        await _drive.CompleteAsync(caseId, "convene", "applicant", new JsonObject { ["congressOn"] = "2026-06-10", ["venue"] = "园区会议中心", ["delegatesPresent"] = 86 });
        var unadopted = AssociationDriver.Congress("王建国");
        unadopted["charterAdopted"] = false;
        (await _associations.TrySubmitAsync(caseId, "congress", "applicant", unadopted)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the congress adopts the charter (R24)");
        await _drive.CompleteAsync(caseId, "congress", "applicant", AssociationDriver.Congress("王建国"));
        var ended = await _drive.SettleAsync(caseId);
        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));

        var terms = await _associations.TermsAsync(association.Id);
        terms.Should().HaveCount(2);
        var second = terms[1];
        second.Should().Match<AssociationTerm>(t => t.Number == 2 && t.StartsOn == new DateOnly(2026, 6, 10) && t.ReportAdopted && t.CharterAdopted
            && t.FiledWith == "jd" && t.FiledOn == new DateOnly(2026, 5, 25) && t.TimingReason == null);
        var officers = await _drive.ReadAsync(db => db.AssociationOfficers.Where(o => o.TermId == second.Id).OrderBy(o => o.Order).ToListAsync());
        officers.Select(o => (o.Role, o.Name)).Should().Equal(
            (OfficerRole.Chair, "王建国"), (OfficerRole.ViceChair, "王建国"), (OfficerRole.ViceChair, "李晓梅"), (OfficerRole.SecretaryGeneral, "周文斌"), (OfficerRole.Contact, "赵丽华"));

        using var district = await _host.SignInAsync("district");
        var filed = (await district.GetFromJsonAsync<JsonArray>("/api/associations/filed"))!;
        filed.Should().ContainSingle(f => f!["number"]!.GetValue<int>() == 2);
        var file = (await district.GetFromJsonAsync<JsonObject>($"/api/associations/{association.Id}"))!;
        file["terms"]![0]!["officers"]![0]!["name"]!.GetValue<string>().Should().Be("王建国", "the elected officers are the association's now");
        file["terms"]![0]!["documents"]!.AsArray().Should().HaveCount(4, "the term keeps the four drafts of its 换届");

        second.RenewalCaseId.Should().NotBeNull("the new term waits in its own 换届 case");
        var next = await _drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = second.RenewalCaseId });
        await JobRuns.UntilAsync(_drive.Engine, async () => (next = await _drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = second.RenewalCaseId })).Count > 0);
        TimeZoneInfo.ConvertTimeFromUtc(next.Single().DueAt, HomeDriver.Beijing).Should().Be(new DateTime(2030, 12, 9, 9, 0, 0), "six months before 2031-06-09");
    }

    [Fact]
    public async Task An_early_renewal_needs_a_reason_and_keeps_it_R20()
    {
        var (association, caseId) = await _associations.SeedAssociationAsync(new DateOnly(2023, 3, 1), 5);
        using var applicant = await _host.SignInAsync("applicant");
        var withdraw = await applicant.PostAsJsonAsync($"/api/cases/{caseId}/withdraw", new { reason = "撤回换届" });
        (await withdraw.Content.ReadAsStringAsync()).Should().Contain("不能撤回", "a 换届 case is started by the system, not by the applicant");
        var bare = await applicant.PostAsJsonAsync($"/api/associations/{association.Id}/renewal", new { reason = "" });
        bare.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bare.Content.ReadAsStringAsync()).Should().Contain("提前换届须说明理由（R20）");
        (await applicant.PostAsJsonAsync($"/api/associations/{association.Id}/renewal", new { reason = "园区合并，委员会需调整" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await _drive.WaitAtAsync(caseId, "prepare");
        await PreparedAsync(caseId);
        await ApprovedAsync(caseId);
        await _drive.AdvanceToAsync(2026, 5, 25);
        await _drive.CompleteAsync(caseId, "convene", "applicant", new JsonObject { ["congressOn"] = "2026-06-01", ["venue"] = "园区会议中心", ["delegatesPresent"] = 80 });
        await _drive.CompleteAsync(caseId, "congress", "applicant", AssociationDriver.Congress("王建国"));
        await _drive.SettleAsync(caseId);
        (await _associations.TermsAsync(association.Id))[1].TimingReason.Should().Be("提前换届：园区合并，委员会需调整");
    }

    [Fact]
    public async Task A_congress_after_the_term_s_last_day_is_a_late_renewal_that_says_why_R20()
    {
        var (association, caseId) = await _associations.SeedAssociationAsync(new DateOnly(2021, 5, 1), 5); // ended 2026-04-30
        await _drive.Time.AdvanceAsync("PT1M", HomeDriver.Beijing);
        await PreparedAsync(caseId);
        await ApprovedAsync(caseId);
        await _drive.AdvanceToAsync(2026, 5, 25);
        await _drive.CompleteAsync(caseId, "convene", "applicant", new JsonObject { ["congressOn"] = "2026-06-01", ["venue"] = "园区会议中心", ["delegatesPresent"] = 80 });

        var refused = await _associations.TrySubmitAsync(caseId, "congress", "applicant", AssociationDriver.Congress("王建国"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("本届已于 2026年4月30日 届满，延期换届须说明理由（R20）");
        await _drive.CompleteAsync(caseId, "congress", "applicant", AssociationDriver.Congress("王建国", lateReason: "疫情后园区重组，延期召开大会"));
        await _drive.SettleAsync(caseId);
        (await _associations.TermsAsync(association.Id))[1].TimingReason.Should().Be("延期换届：疫情后园区重组，延期召开大会");
    }

    [Fact]
    public async Task One_organisation_cannot_see_or_act_on_another_s_association()
    {
        var (association, _) = await OpenedAsync();
        foreach (var login in new[] { "applicant2", "district2" })
        {
            using var stranger = await _host.SignInAsync(login);
            (await stranger.GetAsync($"/api/associations/{association.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, login);
            (await stranger.GetFromJsonAsync<JsonArray>("/api/associations"))!.Should().BeEmpty(login);
            (await stranger.PostAsJsonAsync($"/api/associations/{association.Id}/nominations", new { kind = "Delegate", name = "外人" }))
                .StatusCode.Should().Be(HttpStatusCode.NotFound, login);
            (await stranger.PostAsJsonAsync($"/api/associations/{association.Id}/renewal", new { reason = "外人" })).StatusCode.Should().Be(HttpStatusCode.NotFound, login);
            (await stranger.GetFromJsonAsync<JsonArray>("/api/cultivation-paths"))!.Should().BeEmpty(login);
        }
        using var street = await _host.SignInAsync("street");
        (await street.GetAsync($"/api/associations/{association.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the street above the park reads it");
        (await street.PostAsJsonAsync($"/api/associations/{association.Id}/renewal", new { reason = "代为启动" })).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "only the association's own secretariat starts its 换届");
        (await _associations.UploadAsync((await _associations.TermsAsync(association.Id))[0].RenewalCaseId!.Value, "workReport", "applicant2"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "another organisation cannot upload to the case");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
