using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace KxHome.Workflows.Tests.Support;

/// <summary>
/// A real SMTP server (maildev 2.2.1 from tests/mail-server) on free loopback ports, read through its REST API.
/// Use it as an xunit fixture, or <c>await using var mail = await MailDevServer.StartAsync();</c>.
/// </summary>
public sealed class MailDevServer : IAsyncLifetime, IAsyncDisposable
{
    public const string SmtpHost = "127.0.0.1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private NodeProcess.Started? _node;
    private HttpClient? _api;
    private string? _mailDirectory;
    private string[] _credentials = [];

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "mail-server");

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    private HttpClient Api => _api ?? throw new InvalidOperationException("The mail server is not started.");

    /// <summary>Starts a server; with a user and password it refuses (5xx) any client that does not sign in with them.</summary>
    public static async Task<MailDevServer> StartAsync(string? user = null, string? password = null)
    {
        var server = new MailDevServer { _credentials = user is null ? [] : ["--incoming-user", user, "--incoming-pass", password ?? ""] };
        try
        {
            await server.StartCoreAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var mails = await Api.GetFromJsonAsync<List<MailDevEmail>>("email") ?? [];
        return mails.Select(m => m.ToReceivedMail()).ToList();
    }

    /// <summary>Polls the server until a mail matches; mail delivery is asynchronous, so tests wait on this.</summary>
    public async Task<ReceivedMail> WaitForMailAsync(Func<ReceivedMail, bool> match, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a bound on waiting, not a clock the code reads
        while (true)
        {
            var mails = await MessagesAsync();
            var found = mails.FirstOrDefault(match);
            if (found is not null) return found;
            if (waited.Elapsed >= timeout)
            {
                var received = mails.Count == 0
                    ? "none"
                    : string.Join(", ", mails.Select(m => $"\"{m.Subject}\" to {string.Join("; ", m.To)}"));
                throw new TimeoutException(
                    $"No mail matched within {timeout.TotalSeconds:0.#} s. Received {mails.Count}: {received}.");
            }
            await Task.Delay(PollInterval);
        }
    }

    public async Task DeleteAllAsync() => (await Api.DeleteAsync("email/all")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_node is { Process: var process })
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Never started or already gone: nothing left to stop.
            }
            process.Dispose();
        }
        if (_mailDirectory is not null && Directory.Exists(_mailDirectory)) Directory.Delete(_mailDirectory, true);
    }

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task StartCoreAsync()
    {
        await NodeProcess.EnsureInstalledAsync(Folder, "maildev");
        (SmtpPort, WebPort) = TwoFreePorts();
        // Its own mail folder, or maildev keeps every mail in /tmp/maildev-<pid> after it is killed.
        _mailDirectory = Directory.CreateTempSubdirectory("kxhome-maildev-").FullName;
        _node = NodeProcess.Start("node", Folder, ["node_modules/maildev/bin/maildev",
            "--smtp", SmtpPort.ToString(), "--web", WebPort.ToString(), "--ip", SmtpHost,
            "--mail-directory", _mailDirectory, "--silent", .. _credentials]);
        _api = new HttpClient
        {
            BaseAddress = new Uri($"http://{SmtpHost}:{WebPort}/"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        await WaitUntilListeningAsync();
    }

    private async Task WaitUntilListeningAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (_node!.Process.HasExited)
                throw new InvalidOperationException(
                    $"maildev exited with {_node.Process.ExitCode} before listening:\n{_node.Output}");
            if (waited.Elapsed >= StartTimeout)
                throw new TimeoutException(
                    $"maildev did not answer on ports {SmtpPort}/{WebPort} within {StartTimeout.TotalSeconds} s:\n{_node.Output}");
            await Task.Delay(PollInterval);
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var web = await Api.GetAsync("healthz");
            if (!web.IsSuccessStatusCode) return false;
            using var smtp = new TcpClient();
            await smtp.ConnectAsync(SmtpHost, SmtpPort);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException)
        {
            return false;
        }
    }

    /// <summary>Both listeners are open at once, so the two ports differ.</summary>
    private static (int, int) TwoFreePorts()
    {
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        var ports = (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        first.Stop();
        second.Stop();
        return ports;
    }

    private sealed record MailDevEmail(
        string Id, string? Subject, List<MailDevAddress>? From, List<MailDevAddress>? To, string? Html, string? Text, List<MailDevAttachment>? Attachments,
        string? MessageId)
    {
        public ReceivedMail ToReceivedMail() =>
            new(Id, Subject ?? "", To?.Select(a => a.Address).ToList() ?? [], Html, Text)
            {
                ToNames = To?.Select(a => a.Name ?? "").ToList() ?? [],
                FromName = From?.FirstOrDefault()?.Name,
                Attachments = Attachments?.Select(a => a.FileName ?? "").ToList() ?? [],
                MessageId = MessageId,
            };
    }

    private sealed record MailDevAttachment(string? FileName);

    private sealed record MailDevAddress(string Address, string? Name);
}
