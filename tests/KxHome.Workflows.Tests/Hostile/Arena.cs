using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Host.Mail;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Hostile;

/// <summary>
/// The real host on a real socket (Kestrel's own limits apply), the reference flow deployed, people of two districts
/// signed in, a canary (a case of 嘉定 with its review task open, which no attack may change), and records of other
/// organisations for the stranger to reach for.
/// </summary>
internal sealed class Arena : IAsyncDisposable
{
    private readonly TestHost _host;
    private readonly List<HttpClient> _clients = [];

    private Arena(TestHost host, string address)
    {
        _host = host;
        Address = new Uri(address);
    }

    public Uri Address { get; }

    public IServiceProvider Services => _host.Factory.Services;

    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Applicant { get; private set; } = null!;
    public HttpClient Stranger { get; private set; } = null!; // an applicant of 宝山, another district
    public HttpClient District { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public Guid Canary { get; private set; }
    public Guid CanaryTask { get; private set; }

    /// <summary>A home of 嘉定's park, and a 科协代表之家 of 南京: records of organisations the stranger is not part of.</summary>
    public Guid Home { get; private set; }
    public Guid RepresentativeHome { get; private set; }

    public static async Task<Arena> OpenAsync()
    {
        var host = new TestHost();
        var arena = new Arena(host, host.StartKestrel());
        await arena.Services.GetRequiredService<WorkflowEngine>().DeployAsync(RepositoryPaths.ReferenceFlow);
        arena.Anonymous = arena.NewClient();
        arena.Applicant = await arena.SignInAsync("applicant");
        arena.Stranger = await arena.SignInAsync("applicant2");
        arena.District = await arena.SignInAsync("district");
        arena.Admin = await arena.SignInAsync("admin");
        (arena.Canary, arena.CanaryTask) = await arena.CaseAtReviewAsync("JD-CANARY");
        using var records = new HomeDriver(host);
        arena.Home = (await records.SeedHomeAsync("嘉定工业区科技工作者之家")).Id;
        arena.RepresentativeHome = (await RepresentativeDriver.SeedAsync(records, "nj")).Id;
        return arena;
    }

    public HttpClient NewClient()
    {
        var client = new HttpClient(Patient()) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// A client that, having announced a big body (<c>Expect: 100-continue</c>), waits for the host's word before sending
    /// it, however long the host takes. Left at its default of one second, on a loaded machine it sent the 40 MB anyway
    /// while the host's refusal was on its way, and the host's closing the connection mid-upload read as no answer.
    /// </summary>
    private static SocketsHttpHandler Patient() => new() { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) };

    public Task<HttpClient> SignInAsync(string login) => BearerClient.SignInAsync(NewClient(), login);

    /// <summary>A browser-like client of the pages, signed in with the login form (a cookie session).</summary>
    public async Task<PageClient> PagesAsync(string login)
    {
        var handler = Patient();
        handler.AllowAutoRedirect = false;
        var http = new HttpClient(handler) { BaseAddress = Address };
        _clients.Add(http);
        var pages = new PageClient(http);
        var response = await pages.PostFormAsync("/login", "/login", new() { ["Email"] = $"{login}@kxhome.demo", ["Password"] = DemoData.Password });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the demo login signs in");
        return pages;
    }

    /// <summary>A case of the applicant, submitted, with the district's review open; gives the case and that task.</summary>
    public async Task<(Guid Case, Guid Review)> CaseAtReviewAsync(string businessKey)
    {
        var started = await Applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "approval", businessKey });
        started.EnsureSuccessStatusCode();
        var caseId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var submit = await OpenTaskAsync(Applicant, caseId);
        (await Applicant.PostAsJsonAsync($"/api/tasks/{submit}/complete", new { variables = new { homeName = "嘉定工业区科技工作者之家" } }))
            .EnsureSuccessStatusCode();
        return (caseId, await OpenTaskAsync(District, caseId));
    }

    public static async Task<Guid> OpenTaskAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray()
            .Single(t => t!["instanceId"]!.GetValue<Guid>() == caseId)!["id"]!.GetValue<Guid>();

    /// <summary>What the canary's owner sees of it: status, position, variables, history.</summary>
    public async Task<string> CanaryAsync()
    {
        var view = (await Applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{Canary}"))!;
        return string.Join("\n", view["status"], view["activeElements"]?.ToJsonString(), view["variables"]?.ToJsonString(), view["history"]?.AsArray().Count);
    }

    /// <summary>A signed email link of <paramref name="login"/> for a task, as the task mail carries it.</summary>
    public async Task<string> MailLinkAsync(Guid taskId, string login, string action = "approve")
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync($"{login}@kxhome.demo");
        var task = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().Queries.GetTaskAsync(taskId);
        return scope.ServiceProvider.GetRequiredService<ActionLinks>().Create(task, user!.Id, action);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await _host.DisposeAsync();
    }
}
