using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// Drives the call for 科协代表之家 (seed 004) through the host's API as Jiangsu's demo people would: the province office
/// (jiangsu) opens and closes the call, applicants file, the experts (jsexpert, jsexpert2) score.
/// </summary>
public sealed class RepresentativeDriver(HomeDriver drive)
{
    public const string Office = "jiangsu";
    public static readonly string[] Experts = ["jsexpert", "jsexpert2"];

    private readonly AssociationDriver _files = new(drive);

    /// <summary>A March morning of 2026 in Beijing, inside the call's filing window.</summary>
    public static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>An organisation under Jiangsu with an applicant login of the same name.</summary>
    public async Task<string> ApplicantAsync(string id, string name, OrganisationKind kind = OrganisationKind.City, string parent = "js")
    {
        await drive.WithAsync<IServiceProvider, int>(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.Organisations.Add(new Organisation { Id = id, Name = name, Kind = kind, ParentId = parent });
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = $"{id}@kxhome.demo", Email = $"{id}@kxhome.demo", EmailConfirmed = true, DisplayName = name, OrganisationId = id };
            (await users.CreateAsync(user, DemoData.Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded.Should().BeTrue();
            return 0;
        });
        return id;
    }

    /// <summary>One more of the province's experts; gives the person's id.</summary>
    public Task<string> ExpertAsync(string login, string name) => drive.WithAsync<IServiceProvider, string>(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"{login}@kxhome.demo", Email = $"{login}@kxhome.demo", EmailConfirmed = true, DisplayName = name, OrganisationId = "js" };
        (await users.CreateAsync(user, DemoData.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Expert)).Succeeded.Should().BeTrue();
        return user.Id;
    });

    /// <summary>The office opens this year's call; gives the call's case once it waits for the deadline.</summary>
    public async Task<Guid> OpenCallAsync()
    {
        var response = await (await drive.AsAsync(Office)).PostAsync("/api/representative-calls", null);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        var caseId = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        await _files.TimerAsync(caseId, "closes");
        return caseId;
    }

    public async Task<HttpResponseMessage> TryStartAsync(string login) =>
        await (await drive.AsAsync(login)).PostAsJsonAsync("/api/cases", new { definitionKey = "representative-home" });

    public async Task<Guid> StartAsync(string login)
    {
        var response = await TryStartAsync(login);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    /// <summary>A plan of exactly <paramref name="characters"/> characters not counting whitespace, with spaces and line breaks between.</summary>
    public static string Proposal(int characters)
    {
        const string text = "依托市科协建立固定活动场所开展代表党建窗口邻里创新活动";
        var plan = new System.Text.StringBuilder();
        for (var i = 0; i < characters; i++)
        {
            plan.Append(text[i % text.Length]);
            if (i % 20 == 19) plan.Append(i % 100 == 99 ? "\n\n" : " 　");
        }
        return plan.ToString();
    }

    public static JsonObject Application(string name, int proposalCharacters = 1000, string? representatives = null) => new()
    {
        ["homeName"] = name, ["place"] = "南京市鼓楼区北京西路30号", ["contactName"] = "王亮", ["contactPhone"] = "13951000000",
        ["contactEmail"] = "office@example.org", ["proposal"] = Proposal(proposalCharacters),
        ["representatives"] = representatives ?? "张明：李一、李二、李三、李四、李五\n赵华：王一、王二、王三、王四、王五、王六",
        ["declaration"] = true,
    };

    /// <summary>Uploads the sealed unit opinion and submits the application; gives the response (refusals included).</summary>
    public async Task<HttpResponseMessage> TryApplyAsync(Guid caseId, string login, JsonObject application)
    {
        await drive.WaitAtAsync(caseId, "apply");
        (await _files.UploadAsync(caseId, "unitOpinion", login, "单位意见（盖章）.pdf")).IsSuccessStatusCode.Should().BeTrue();
        return await _files.TrySubmitAsync(caseId, "apply", login, application);
    }

    public async Task ApplyAsync(Guid caseId, string login, JsonObject application)
    {
        var response = await TryApplyAsync(caseId, login, application);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    /// <summary>An expert's points reaching <paramref name="total"/>: the basic conditions filled first, then the activities.</summary>
    public static JsonObject Score(int total, string opinion = "方案具体，代表联系机制健全")
    {
        var items = new (string Field, int Max)[]
        {
            ("scorePlace", 10), ("scoreRules", 10), ("scorePlan", 10), ("scoreParty", 20), ("scoreWindow", 20), ("scoreNeighbourhood", 15), ("scoreInnovation", 15),
        };
        var form = new JsonObject { ["opinion"] = opinion };
        foreach (var (field, max) in items)
        {
            var points = Math.Min(max, total);
            form[field] = points;
            total -= points;
        }
        return form;
    }

    /// <summary>Starts, files, passes the check and has both experts score; gives the application's case.</summary>
    public async Task<Guid> FileScoredAsync(string login, string name, int first, int second)
    {
        var caseId = await StartAsync(login);
        await ApplyAsync(caseId, login, Application(name));
        await CheckAsync(caseId);
        await drive.CompleteAsync(caseId, "score", Experts[0], Score(first));
        await drive.CompleteAsync(caseId, "score", Experts[1], Score(second));
        await WaitingAtAsync(caseId, "decided");
        return caseId;
    }

    /// <summary>Runs jobs until the case waits at an event (not a task) <paramref name="elementId"/>.</summary>
    public async Task WaitingAtAsync(Guid caseId, string elementId)
    {
        await JobRuns.UntilAsync(drive.Engine, async () => (await drive.Engine.Queries.GetInstanceAsync(caseId)).ActiveElements.Any(a => a.ElementId == elementId));
        var instance = await drive.Engine.Queries.GetInstanceAsync(caseId);
        instance.ActiveElements.Should().Contain(a => a.ElementId == elementId,
            $"incidents: {string.Join("; ", instance.Incidents.Select(i => i.Message))}");
    }

    public Task CheckAsync(Guid caseId, bool complete = true) =>
        drive.CompleteAsync(caseId, "check", Office, new JsonObject { ["complete"] = complete, ["opinion"] = complete ? "材料齐全" : "单位意见未加盖公章，请补正" });

    /// <summary>After the deadline the office ends review; the call decides and tells each case.</summary>
    public async Task<HttpResponseMessage> TryCloseAsync(Guid callCaseId) =>
        await _files.TrySubmitAsync(callCaseId, "review", Office, new JsonObject { ["confirmed"] = true, ["note"] = "评审结束" });

    public async Task DecideAsync(Guid callCaseId)
    {
        var response = await TryCloseAsync(callCaseId);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var ended = await drive.SettleAsync(callCaseId);
        ended.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", ended.Incidents.Select(i => i.Message)));
    }

    /// <summary>The application a case filed, once its 登记申报 ran.</summary>
    public async Task<RepresentativeHome> HomeAsync(Guid caseId)
    {
        RepresentativeHome? home = null;
        await JobRuns.UntilAsync(drive.Engine, async () =>
            (home = await drive.ReadAsync(db => db.RepresentativeHomes.AsNoTracking().FirstOrDefaultAsync(h => h.CaseId == caseId))) is not null);
        return home ?? throw new InvalidOperationException($"case {caseId} filed no application");
    }

    /// <summary>
    /// A designated 科协代表之家 of <paramref name="organisation"/> with two representatives, written straight into the
    /// records (as an earlier year's call left it), in a decided call of Jiangsu's.
    /// </summary>
    public static async Task<RepresentativeHome> SeedAsync(HomeDriver drive, string organisation)
    {
        var call = new Call
        {
            Id = Guid.CreateVersion7(), OrganisationId = "js", Year = 2025, Status = CallStatus.Decided, FilingDeadline = new DateOnly(2025, 4, 30),
            Quota = 10, ValidityYears = 2, MinProposalCharacters = 1000, MinContacts = 5, CaseId = Guid.CreateVersion7(),
            Rubric = Rubric.From(Policy.Defaults(RuleSet.Jiangsu, 2025)).ToJson(), DecidedOn = new DateOnly(2025, 6, 1),
        };
        var home = new RepresentativeHome
        {
            Id = Guid.CreateVersion7(), CallId = call.Id, OrganisationId = organisation, Name = "测试科协代表之家", Status = RepresentativeHomeStatus.Designated,
            Score = 90, Rank = 1, DesignatedOn = new DateOnly(2025, 6, 1), ValidUntil = new DateOnly(2027, 5, 31), CaseId = Guid.CreateVersion7(),
        };
        await drive.WithAsync<AppDbContext, int>(async db =>
        {
            db.Calls.Add(call);
            db.RepresentativeHomes.Add(home);
            db.Representatives.AddRange(
                new Representative { Id = Guid.CreateVersion7(), HomeId = home.Id, Order = 1, Name = "张明", Contacts = "李一、李二、李三、李四、李五", ContactCount = 5 },
                new Representative { Id = Guid.CreateVersion7(), HomeId = home.Id, Order = 2, Name = "赵华", Contacts = "王一、王二", ContactCount = 2 });
            return await db.SaveChangesAsync();
        });
        return home;
    }

    /// <summary>Sends the mails the flows queued; gives the subjects of those sent to a login.</summary>
    public async Task<IReadOnlyList<string>> MailsToAsync(TestHost host, string login)
    {
        await host.Factory.Services.GetRequiredService<KxHome.Host.Mail.NoticeDispatcher>().DispatchOnceAsync();
        var me = await drive.MeAsync(login);
        return await drive.ReadAsync(db => db.SentMails.Where(m => m.Recipient == me).Select(m => m.Subject).ToListAsync());
    }
}
