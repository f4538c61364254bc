using KxHome.Benchmarks;
using KxHome.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KxHome.Workflows.Tests.Faults;

/// <summary>
/// The outbox of a host process killed with SIGKILL while it mails a backlog to a real SMTP server: after a restart
/// every notice is sent, every mail the outbox records reached the server at least once, and the outbox records none twice.
/// </summary>
public sealed class OutboxKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 40; // each mails at least the district its review
    private const int ReceivedBeforeKill = 15;

    private readonly string _folder = Directory.CreateTempSubdirectory("kxhome-outbox-kill-").FullName;
    private MailDevServer _mail = null!;

    private string Database => Path.Combine(_folder, "kxhome.db");

    public async Task InitializeAsync() => _mail = await MailDevServer.StartAsync();

    [Fact]
    public async Task A_host_killed_while_mailing_sends_every_notice_after_a_restart_and_records_none_twice()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        var settings = new Dictionary<string, string>
        {
            ["Mail__SmtpHost"] = MailDevServer.SmtpHost,
            ["Mail__SmtpPort"] = _mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__PollInterval"] = "00:00:03", // a backlog builds up while the cases are made, then goes out in one run
            ["Mail__ClaimLease"] = "00:00:05", // the notice in hand at the kill goes out this long after the restart
        };
        using (var host = await HostProcess.StartAsync(RepositoryPaths.Root, _folder, Database, url, settings))
        {
            await FaultDriver.DeployAsync(url);
            using var applicant = await FaultDriver.SignInAsync(url, "applicant");
            for (var i = 0; i < Cases; i++) await FaultDriver.CompleteAsync(applicant, await FaultDriver.StartAsync(applicant));
            (await TimerHost.EventuallyAsync(async () => (await _mail.MessagesAsync()).Count >= ReceivedBeforeKill, TimeSpan.FromMinutes(2)))
                .Should().BeTrue("mails arrive before the kill");
            host.Kill();
        }
        var beforeRestart = (await _mail.MessagesAsync()).Count;
        Pending().Should().BeGreaterThan(0, "the kill left part of the backlog unsent");

        using (await HostProcess.StartAsync(RepositoryPaths.Root, _folder, Database, url, settings))
        {
            (await TimerHost.EventuallyAsync(() => Task.FromResult(Pending() == 0), TimeSpan.FromMinutes(2)))
                .Should().BeTrue("the restarted host sends the rest");
        }
        var received = await _mail.MessagesAsync();
        var recorded = Scalars("SELECT NoticeId || '.' || Recipient FROM SentMails WHERE Refusal IS NULL").Select(v => (string)v!).ToList();
        output.WriteLine($"outbox.received_before_restart: {beforeRestart}");
        output.WriteLine($"outbox.recorded: {recorded.Count}, received: {received.Count}");

        recorded.Should().OnlyHaveUniqueItems("the outbox records each mail once");
        recorded.Count.Should().BeGreaterThanOrEqualTo(Cases, "every case's review mailed the district");
        var receivedKeys = received.Select(m => m.MessageId ?? "").ToList();
        recorded.Should().OnlyContain(key => receivedKeys.Any(id => id.Contains(Key(key), StringComparison.OrdinalIgnoreCase)),
            "every mail the outbox records reached the server");
        (received.Count - recorded.Count).Should().BeLessThanOrEqualTo(1, "at most the mail in flight at the kill went twice");
    }

    /// <summary>"{notice id}.{recipient}" as stored (the id as SQLite keeps a Guid) → the Message-ID's key ("{id:N}.{recipient}").</summary>
    private static string Key(string stored)
    {
        var dot = stored.IndexOf('.', StringComparison.Ordinal);
        return $"{Guid.Parse(stored[..dot]):N}{stored[dot..]}";
    }

    private long Pending() => (long)Scalars("SELECT COUNT(*) FROM Notices WHERE SentAt IS NULL")[0]!;

    private List<object?> Scalars(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read()) values.Add(reader.GetValue(0));
        return values;
    }

    public async Task DisposeAsync()
    {
        await _mail.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
