using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Associations;

/// <summary>成立园区科协 (R19): the party working committee first, then the local association's approval or filing.</summary>
public sealed class FoundingTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;
    private readonly AssociationDriver _associations;

    public FoundingTests()
    {
        _drive = new HomeDriver(_host);
        _associations = new AssociationDriver(_drive);
    }

    private async Task<Guid> StartAsync()
    {
        var response = await (await _drive.AsAsync("applicant")).PostAsJsonAsync("/api/cases", new { definitionKey = "association-founding" });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    private async Task<IReadOnlyList<string>> OpenStepsAsync(Guid caseId) =>
        (await _drive.Engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Select(t => t.ElementId).ToList();

    [Fact]
    public async Task The_founding_does_not_reach_the_local_association_without_the_party_committee_consent_R19()
    {
        var caseId = await StartAsync();
        (await _associations.UploadAsync(caseId, "charter")).StatusCode.Should().Be(HttpStatusCode.Created);
        await _drive.CompleteAsync(caseId, "draft", "applicant", AssociationDriver.FoundingApplication());
        await _drive.WaitAtAsync(caseId, "consent");
        (await OpenStepsAsync(caseId)).Should().Equal("consent");
        (await _associations.AssociationAsync()).Status.Should().Be(AssociationStatus.Founding);

        await _drive.CompleteAsync(caseId, "consent", "party", new JsonObject { ["approved"] = false, ["opinion"] = "请补充会员名单" });
        await _drive.WaitAtAsync(caseId, "draft");
        (await OpenStepsAsync(caseId)).Should().Equal(["draft"], "sent back to the applicant, not on to the local association");

        await _drive.CompleteAsync(caseId, "draft", "applicant", AssociationDriver.FoundingApplication());
        await _drive.CompleteAsync(caseId, "consent", "party", new JsonObject { ["approved"] = true, ["opinion"] = "同意成立" });
        await _drive.WaitAtAsync(caseId, "approve");
        (await _associations.AssociationAsync()).PartyConsentOn.Should().Be(new DateOnly(2026, 5, 6));
    }

    [Fact]
    public async Task Under_approval_the_founding_cannot_skip_the_approval_and_under_filing_it_is_recorded_without_one_R19()
    {
        var approval = await StartAsync();
        await _associations.UploadAsync(approval, "charter");
        await _drive.CompleteAsync(approval, "draft", "applicant", AssociationDriver.FoundingApplication());
        await _drive.CompleteAsync(approval, "consent", "party", new JsonObject { ["approved"] = true, ["opinion"] = "同意成立" });
        await _drive.WaitAtAsync(approval, "approve");
        (await _associations.AssociationAsync()).Status.Should().Be(AssociationStatus.Founding, "under approval nothing is founded before the approval");
        var waved = await _drive.ActAsync(approval, "approve", "district", "approve", "同意");
        waved.IsSuccessStatusCode.Should().BeFalse("the approval form asks for its conclusion: it cannot be waved through");
        var unnumbered = await _associations.TrySubmitAsync(approval, "approve", "district", new JsonObject { ["approved"] = true, ["opinion"] = "同意成立" });
        unnumbered.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unnumbered.Content.ReadAsStringAsync()).Should().Contain("批准成立的，须填写批复文号（R19）").And.Contain("批准成立的，须填写批复日期（R19）");
        await _drive.CompleteAsync(approval, "approve", "district", new JsonObject { ["approved"] = false, ["opinion"] = "科技工作者数量不足" });
        (await _drive.SettleAsync(approval)).Status.Should().Be(InstanceStatus.Completed);
        (await _associations.AssociationAsync()).Status.Should().Be(AssociationStatus.Refused);

        using var admin = await _host.SignInAsync("admin");
        (await admin.PutAsJsonAsync("/api/policy/Jiading/2026", new { values = new Dictionary<string, string> { ["AssociationFounding"] = "备案制" } }))
            .IsSuccessStatusCode.Should().BeTrue();
        var filing = await StartAsync();
        await _associations.FoundAsync(filing, approval: false);
        var ended = await _drive.SettleAsync(filing);
        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));
        ended.History.Should().NotContain(h => h.ElementId == "approve");
        var founded = await _drive.ReadAsync(db => db.Associations.AsNoTracking().SingleAsync(a => a.FoundingCaseId == filing));
        founded.Should().Match<ParkAssociation>(a => a.Status == AssociationStatus.Active && a.FoundedBy == FoundingMode.Filing && a.ApprovalNumber == null);
        var first = (await _associations.TermsAsync(founded.Id)).Single();
        first.Should().Match<AssociationTerm>(t => t.FiledWith == "jd" && t.FiledOn == new DateOnly(2026, 5, 6), "under filing the founding is filed with the local association");
    }

    [Fact]
    public async Task A_term_outside_3_to_5_years_needs_a_reason_and_keeps_it_R20()
    {
        var caseId = await StartAsync();
        await _associations.UploadAsync(caseId, "charter");
        var refused = await _associations.TrySubmitAsync(caseId, "draft", "applicant", AssociationDriver.FoundingApplication(termYears: 2));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("届期 2 年不在 3–5 年之间，须说明理由（R20）");

        await _drive.CompleteAsync(caseId, "draft", "applicant", AssociationDriver.FoundingApplication(termYears: 2, termReason: "园区整体搬迁，章程规定首届两年"));
        await _drive.CompleteAsync(caseId, "consent", "party", new JsonObject { ["approved"] = true, ["opinion"] = "同意" });
        await _drive.CompleteAsync(caseId, "approve", "district", new JsonObject { ["approved"] = true, ["documentNumber"] = "嘉科协〔2026〕9号", ["approvedOn"] = "2026-05-06", ["opinion"] = "同意" });
        await _drive.SettleAsync(caseId);
        var term = (await _associations.TermsAsync((await _associations.AssociationAsync()).Id)).Single();
        term.Should().Match<AssociationTerm>(t => t.Years == 2 && t.LengthReason == "园区整体搬迁，章程规定首届两年" && t.EndsOn == new DateOnly(2028, 5, 5));
    }

    [Fact]
    public async Task A_withdrawn_founding_withdraws_its_association_and_the_organisation_may_apply_again()
    {
        var caseId = await StartAsync();
        await _associations.UploadAsync(caseId, "charter");
        await _drive.CompleteAsync(caseId, "draft", "applicant", AssociationDriver.FoundingApplication());
        await _drive.WaitAtAsync(caseId, "consent");
        var second = await (await _drive.AsAsync("applicant")).PostAsJsonAsync("/api/cases", new { definitionKey = "association-founding" });
        (await second.Content.ReadAsStringAsync()).Should().Contain("筹建中", "one founding at a time");

        (await (await _drive.AsAsync("applicant")).PostAsJsonAsync($"/api/cases/{caseId}/withdraw", new { reason = "调整会员结构后再申请" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _associations.AssociationAsync()).Status.Should().Be(AssociationStatus.Withdrawn);
        await StartAsync();
    }

    [Fact]
    public async Task An_organisation_with_an_association_cannot_found_another()
    {
        await _associations.SeedAssociationAsync(new DateOnly(2024, 1, 1));
        var response = await (await _drive.AsAsync("applicant")).PostAsJsonAsync("/api/cases", new { definitionKey = "association-founding" });
        response.IsSuccessStatusCode.Should().BeFalse();
        (await response.Content.ReadAsStringAsync()).Should().Contain("不能重复申请成立");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
