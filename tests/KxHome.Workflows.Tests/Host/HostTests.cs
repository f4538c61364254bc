using System.Net;
using System.Net.Http.Json;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

public sealed class HostTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    [Fact]
    public async Task Health_reports_the_database_and_every_workflow_file_is_deployed()
    {
        using var client = _host.Factory.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        body.Should().Contain("status", "healthy").And.Contain("database", "ok");
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.ListDefinitionsAsync()).Select(d => d.Id).Should().BeEquivalentTo(
            ["certification:1", "annual-assessment:1", "rectification:1", "cultivation-upgrade:1", "association-founding:1", "term-renewal:1",
             "representative-call:1", "representative-home:1", "year-end-report:1"],
            "the programmes' flows, and nothing else");
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_makes_no_new_version()
    {
        await _host.RestartAsync();

        using var client = _host.Factory.CreateClient();

        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.ListDefinitionsAsync()).Where(d => d.Key == "certification").Should().ContainSingle();
    }

    [Fact]
    public void A_virtual_clock_is_refused_in_production()
    {
        using var factory = _host.New(web => web.UseEnvironment("Production").UseSetting("Clock:Mode", "Virtual"));

        var act = () => factory.CreateClient();

        act.Should().Throw<InvalidOperationException>().WithMessage("*refused in Production*");
    }

    [Fact]
    public void A_virtual_clock_is_used_in_a_demo_environment()
    {
        using var factory = _host.New(web => web.UseEnvironment("Demo").UseSetting("Clock:Mode", "Virtual"));
        using var client = factory.CreateClient();

        factory.Services.GetRequiredService<VirtualTime>().IsVirtual.Should().BeTrue();
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_case_and_administration_routes()
    {
        using var client = _host.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/api/cases", "/api/cases/{id}", "/api/tasks", "/api/tasks/{id}/complete",
            "/api/cases/{id}/deadlines", "/api/deadlines/{id}/extend", "/api/clock/advance", "/api/calendar", "/api/auth/login",
            "/api/tasks/{id}/delegate", "/api/tasks/{id}/correction", "/api/cases/{id}/withdraw", "/api/tasks/{id}/urge"]);
        var browsable = await client.GetAsync("/api/docs/index.html");
        browsable.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await browsable.Content.ReadAsStringAsync()).Should().Contain("KxHome 接口文档");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Bundles_go_out_compressed_and_a_versioned_link_is_cached_for_a_year(string encoding)
    {
        using var client = _host.Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/dist/studio.js?v=1");
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(encoding);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.ToString().Should().Contain("immutable");
        var plain = new FileInfo(Path.Combine(Support.RepositoryPaths.Root, "src", "KxHome.Host", "wwwroot", "dist", "studio.js")).Length;
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeLessThan((int)(plain / 3), "the compressed copy is sent");
        var unversioned = await client.GetAsync("/site.css");
        unversioned.Headers.CacheControl!.NoCache.Should().BeTrue("an unversioned link is checked again");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
