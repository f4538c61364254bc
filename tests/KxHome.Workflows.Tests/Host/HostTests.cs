using System.Net;
using System.Net.Http.Json;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

public sealed class HostTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kxhome-host-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _factory = null!;

    private WebApplicationFactory<Program> NewFactory() => new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
        .UseSetting("Workflows:ConnectionString", $"Data Source={_file}")
        .UseSetting("Workflows:SchedulerConnectionString", $"Data Source={_file}.scheduler"));

    public Task InitializeAsync()
    {
        _factory = NewFactory();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Health_reports_the_database_and_every_workflow_file_is_deployed()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        body.Should().Contain("status", "healthy").And.Contain("database", "ok");
        var engine = _factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.ListDefinitionsAsync()).Select(d => d.Id).Should().Contain("approval:1");
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_makes_no_new_version()
    {
        using (_factory.CreateClient()) { }
        await _factory.DisposeAsync();
        _factory = NewFactory();

        using var client = _factory.CreateClient();

        var engine = _factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.ListDefinitionsAsync()).Where(d => d.Key == "approval").Should().ContainSingle();
    }

    [Fact]
    public void A_virtual_clock_is_refused_in_production()
    {
        using var factory = NewFactory().WithWebHostBuilder(web => web.UseEnvironment("Production").UseSetting("Clock:Mode", "Virtual"));

        var act = () => factory.CreateClient();

        act.Should().Throw<InvalidOperationException>().WithMessage("*refused in Production*");
    }

    [Fact]
    public void A_virtual_clock_is_used_in_a_demo_environment()
    {
        using var factory = NewFactory().WithWebHostBuilder(web => web.UseEnvironment("Demo").UseSetting("Clock:Mode", "Virtual"));
        using var client = factory.CreateClient();

        factory.Services.GetRequiredService<VirtualTime>().IsVirtual.Should().BeTrue();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".scheduler", ".scheduler-wal", ".scheduler-shm" }) File.Delete(_file + suffix);
    }
}
