using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KxHome.Benchmarks;
using KxHome.Workflows.Tests.Faults;
using KxHome.Workflows.Tests.Persistence;
using KxHome.Workflows.Tests.Support;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>
/// Two host processes on one PostgreSQL database (<c>Workflows:Provider=Postgres</c>), as a city runs KxHome for its
/// districts: what one host signs (an email link, a sign-in cookie, a token) the other accepts, because the Data
/// Protection keys are in the database; a case started on one is decided on the other.
/// </summary>
public sealed class TwoHostBrowserTests(PostgresFixture postgres, MailDevServer mail)
    : IClassFixture<PostgresFixture>, IClassFixture<MailDevServer>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("kxhome-two-hosts-").FullName;
    private Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    private async Task<HostProcess> StartHostAsync(string name, string database, string url) =>
        await HostProcess.StartOnPostgresAsync(RepositoryPaths.Root, Path.Combine(_folder, name), database, url,
            new Dictionary<string, string>
            {
                ["Mail__SmtpHost"] = MailDevServer.SmtpHost,
                ["Mail__SmtpPort"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Mail__PollInterval"] = "00:00:01",
            });

    [Fact]
    public async Task A_district_signed_in_on_one_host_approves_from_a_mail_the_other_host_sent()
    {
        await mail.DeleteAllAsync();
        var database = await postgres.Server.NewDatabaseAsync();
        var (first, second) = ($"http://127.0.0.1:{HostProcess.FreePort()}", $"http://127.0.0.1:{HostProcess.FreePort()}");
        using var firstHost = await StartHostAsync("first", database, first);

        await FaultDriver.DeployAsync(first);
        using var applicant = await FaultDriver.SignInAsync(first, "applicant");
        var caseId = await FaultDriver.StartAsync(applicant);
        await FaultDriver.CompleteAsync(applicant, caseId);
        var received = await mail.WaitForMailAsync(m => m.To.Contains("district@kxhome.demo") && m.Subject.Contains("新的待办"), Wait);
        var link = new Uri(Regex.Match(received.Text!, "同意：(\\S+)").Groups[1].Value).PathAndQuery;

        using var secondHost = await StartHostAsync("second", database, second); // started after the mail: the first host made the link
        var district = await _browser.SignInAsync(second, "district");
        await district.GotoAsync(link);
        await district.GetByRole(AriaRole.Button, new() { Name = "确认同意" }).ClickAsync();
        await Assertions.Expect(district.GetByRole(AriaRole.Heading, new() { Name = "办理完成" })).ToBeVisibleAsync();

        // The cookie the second host made is good on the first (a browser sends it to both: cookies do not go by port).
        await district.GotoAsync($"{first}/");
        await Assertions.Expect(district.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        // The applicant's token from the first host reads the case on the second, decided there.
        var decided = (await applicant.GetFromJsonAsync<JsonObject>($"{second}/api/cases/{caseId}"))!;
        decided["status"]!.GetValue<string>().Should().Be("Completed");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
