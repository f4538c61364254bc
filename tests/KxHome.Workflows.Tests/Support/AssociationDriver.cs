using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// Drives the flows from home to association through the host's API as the demo people would: the cultivation path
/// (R10–R12), the founding (R19) and the 换届 (R20–R24), uploading the documents each step requires.
/// </summary>
public sealed class AssociationDriver(HomeDriver drive)
{
    public HomeDriver Homes => drive;

    /// <summary>An Active park home of the demo park, on the cultivation list, with one event in its ledger this year.</summary>
    public async Task<Home> ListedHomeAsync(string name = "培育之家", string organisation = "jd-industrial-park")
    {
        var home = await drive.SeedHomeAsync(name, HomeKind.Park, organisation: organisation);
        await drive.WithAsync<KxHome.Host.Identity.AppDbContext, int>(async db =>
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(drive.Time.Now, HomeDriver.Beijing).DateTime);
            db.CultivationList.Add(new CultivationListing { HomeId = home.Id, Year = today.Year - 1, At = drive.Time.Now.UtcDateTime });
            db.ServiceEvents.Add(new ServiceEvent
            {
                Id = Guid.CreateVersion7(), HomeId = home.Id, HeldOn = today.AddDays(-3), Category = ServiceEventCategory.TechSalon, Title = "技术沙龙",
                Participants = 30, RecordedAt = drive.Time.Now.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        return home;
    }

    /// <summary>Starts the cultivation path of a home as its applicant; gives the response (refusals included).</summary>
    public async Task<HttpResponseMessage> TryStartCultivationAsync(Guid homeId, string login = "applicant") =>
        await (await drive.AsAsync(login)).PostAsJsonAsync("/api/cases", new { definitionKey = "cultivation-upgrade", homeId });

    public async Task<Guid> StartCultivationAsync(Guid homeId, string login = "applicant")
    {
        var response = await TryStartCultivationAsync(homeId, login);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    /// <summary>Uploads a small PDF to the case as the required document <paramref name="slot"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(Guid caseId, string slot, string login = "applicant", string fileName = "材料.pdf")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4\n% KxHome test\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(slot), "slot");
        return await (await drive.AsAsync(login)).PostAsync($"/api/cases/{caseId}/files", form);
    }

    /// <summary>Submits a step's form as <paramref name="login"/>; gives the response (a refusal is a 400 with the field errors).</summary>
    public async Task<HttpResponseMessage> TrySubmitAsync(Guid caseId, string elementId, string login, JsonObject data)
    {
        var me = await drive.MeAsync(login);
        var task = (await drive.WaitAtAsync(caseId, elementId)).First(t => t.Assignee is null || t.Assignee == me);
        return await (await drive.AsAsync(login)).PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { variables = data });
    }

    /// <summary>Runs the case's jobs until its timer at <paramref name="elementId"/> is set; gives it.</summary>
    public async Task<TimerView> TimerAsync(Guid caseId, string elementId)
    {
        TimerView? timer = null;
        await JobRuns.UntilAsync(drive.Engine, async () =>
            (timer = (await drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).FirstOrDefault(t => t.ElementId == elementId)) is not null);
        return timer ?? throw new InvalidOperationException($"no timer at {elementId}");
    }

    /// <summary>Year 1 (R10): the commitment uploaded, the intent declared, the district accepts.</summary>
    public async Task DeclareIntentAsync(Guid caseId)
    {
        await drive.WaitAtAsync(caseId, "commit"); // the upload names a document the open step asks for
        (await UploadAsync(caseId, "commitment", fileName: "自主运维承诺书.pdf")).IsSuccessStatusCode.Should().BeTrue();
        await drive.CompleteAsync(caseId, "commit", "applicant", Commitment());
        await drive.CompleteAsync(caseId, "acceptIntent", "district", new JsonObject { ["approved"] = true, ["opinion"] = "同意纳入培育" });
    }

    public static JsonObject Commitment() => new()
    {
        ["stableOperation"] = true, ["activitiesHeld"] = 6, ["intent"] = "之家运营稳定，签署自主运维承诺书，申请园企科协培育。",
    };

    public Task GuideAsync(Guid caseId, string content = "指导搭建之家理事会和月度例会制度") =>
        drive.CompleteAsync(caseId, "guide", "district", new JsonObject
        {
            ["guidedOn"] = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(drive.Time.Now, HomeDriver.Beijing).DateTime).ToString("yyyy-MM-dd"),
            ["area"] = "运营架构搭建", ["content"] = content,
        });

    public Task VerifyAsync(Guid caseId, bool passed, string? points = null) =>
        drive.CompleteAsync(caseId, "verify", "district", new JsonObject
        {
            ["passed"] = passed, ["improvementPoints"] = points, ["opinion"] = passed ? "通过基础核验" : "运维情况未达到基本要求",
        });

    /// <summary>The officers' fields of the founding and congress forms.</summary>
    public static JsonObject Officers(JsonObject form, string chair = "陈立新")
    {
        form["chairName"] = chair;
        form["chairTitle"] = "园区管委会副主任";
        form["chairPhone"] = "021-59991001";
        form["viceChairs"] = "王建国 研发中心主任 13800000001\n李晓梅 总工程师 13800000002";
        form["secretaryName"] = "周文斌";
        form["secretaryTitle"] = "科创服务中心主任";
        form["secretaryPhone"] = "021-59991002";
        form["contactName"] = "赵丽华";
        form["contactTitle"] = "干事";
        form["contactPhone"] = "13800001234";
        return form;
    }

    public static JsonObject FoundingApplication(int termYears = 5, string? termReason = null) => Officers(new JsonObject
    {
        ["associationName"] = "嘉定工业区科学技术协会", ["associationKind"] = "Park", ["ownership"] = "State", ["unitMembers"] = 36,
        ["individualMembers"] = 420, ["employees"] = 5200, ["scienceStaff"] = 1380, ["partyCommittee"] = "嘉定工业区党工委",
        ["termYears"] = termYears, ["termReason"] = termReason,
    });

    public static JsonObject Congress(string chair, int termYears = 5, string? lateReason = null) => Officers(new JsonObject
    {
        ["reportAdopted"] = true, ["charterAdopted"] = true, ["committeeMembers"] = $"{chair}\n王建国\n李晓梅\n周文斌\n赵丽华",
        ["termYears"] = termYears, ["lateReason"] = lateReason,
    }, chair);

    /// <summary>The founding case a cultivation case called at its step 成立园区/企业科协.</summary>
    public async Task<Guid> FoundingCaseAsync(Guid cultivationCaseId)
    {
        var key = (await drive.Engine.Queries.GetInstanceAsync(cultivationCaseId)).BusinessKey;
        Guid? found = null;
        await JobRuns.UntilAsync(drive.Engine, async () =>
            (found = (await drive.Engine.Queries.QueryInstancesAsync(new InstanceQuery { BusinessKey = key, IncludeCalled = true }))
                .FirstOrDefault(i => i.DefinitionKey == "association-founding")?.Id) is not null);
        return found!.Value;
    }

    /// <summary>Drafts (with the charter), the party working committee consents, and, under approval, the district approves.</summary>
    public async Task FoundAsync(Guid foundingCaseId, bool approval = true)
    {
        (await UploadAsync(foundingCaseId, "charter", fileName: "章程.pdf")).IsSuccessStatusCode.Should().BeTrue();
        await drive.CompleteAsync(foundingCaseId, "draft", "applicant", FoundingApplication());
        await drive.CompleteAsync(foundingCaseId, "consent", "party", new JsonObject { ["approved"] = true, ["opinion"] = "同意成立" });
        if (approval)
        {
            await drive.CompleteAsync(foundingCaseId, "approve", "district", new JsonObject
            {
                ["approved"] = true, ["documentNumber"] = "嘉科协〔2028〕3号", ["approvedOn"] = "2028-01-20", ["opinion"] = "同意成立",
            });
        }
    }

    /// <summary>
    /// An association of <paramref name="organisation"/> founded earlier (written as that year's work left it) whose
    /// first term started on <paramref name="startsOn"/>, waiting in the term's 换届 case; gives it and the case.
    /// </summary>
    public async Task<(ParkAssociation Association, Guid RenewalCaseId)> SeedAssociationAsync(DateOnly startsOn, int years = 5, string organisation = "jd-industrial-park")
    {
        var association = new ParkAssociation
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisation, Name = "嘉定工业区科学技术协会", Kind = AssociationKind.Park,
            Status = AssociationStatus.Active, FoundedBy = FoundingMode.Approval, FoundedOn = startsOn, PartyCommittee = "嘉定工业区党工委",
            FoundingCaseId = Guid.CreateVersion7(), CreatedAt = drive.Time.Now.UtcDateTime,
        };
        var term = new AssociationTerm
        {
            Id = Guid.CreateVersion7(), AssociationId = association.Id, Number = 1, StartsOn = startsOn, Years = years,
            EndsOn = TermRules.EndsOn(startsOn, years), CommitteeMembers = "张三\n李四",
        };
        await drive.WithAsync<KxHome.Host.Associations.AssociationRegistry, int>(async registry =>
        {
            await drive.WithAsync<KxHome.Host.Identity.AppDbContext, int>(async db =>
            {
                db.Associations.Add(association);
                db.AssociationTerms.Add(term);
                db.AssociationOfficers.Add(new AssociationOfficer { Id = Guid.CreateVersion7(), TermId = term.Id, Role = OfficerRole.Chair, Name = "张三" });
                return await db.SaveChangesAsync();
            });
            var tracked = (await registry.FindAsync(association.Id))!;
            await registry.WatchAsync(tracked, (await registry.TermAsync(association.Id, 1))!);
            return 0;
        });
        var caseId = (await TermsAsync(association.Id))[0].RenewalCaseId!.Value;
        await JobRuns.UntilAsync(drive.Engine, async () => (await drive.Engine.Queries.QueryTimersAsync(new TimerQuery { InstanceId = caseId })).Count > 0);
        return (association, caseId);
    }

    public async Task<ParkAssociation> AssociationAsync(string organisation = "jd-industrial-park") =>
        await drive.ReadAsync(db => db.Associations.AsNoTracking().SingleAsync(a => a.OrganisationId == organisation));

    public async Task<IReadOnlyList<AssociationTerm>> TermsAsync(Guid associationId) =>
        await drive.ReadAsync(db => db.AssociationTerms.AsNoTracking().Where(t => t.AssociationId == associationId).OrderBy(t => t.Number).ToListAsync());

    public async Task<CultivationPath> PathAsync(Guid caseId) =>
        await drive.ReadAsync(db => db.CultivationPaths.AsNoTracking().SingleAsync(p => p.CaseId == caseId));
}
