using System.Net;
using System.Net.Http.Json;
using KxHome.Host.Identity;
using KxHome.Host.Identity.Migrations;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

public sealed class IdentityTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    [Fact]
    public async Task The_migrations_of_people_homes_and_ledgers_match_the_model()
    {
        using var client = _host.Factory.CreateClient();
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        IModel snapshot = ((IMutableModel)new AppDbContextModelSnapshot().Model).FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        differences.Select(d => d.ToString()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("district")]
    [InlineData("admin")]
    public async Task Each_demo_login_signs_in_with_a_bearer_token(string login)
    {
        using var client = _host.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{login}@kxhome.demo", password = DemoData.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        token.Should().ContainKey("accessToken");
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        using var client = _host.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "applicant@kxhome.demo", password = "wrong-password" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        problem!["detail"]!.GetValue<string>().Should().Be("电子邮箱或密码不正确");
    }

    [Fact]
    public async Task A_locked_out_login_is_told_so_in_Chinese()
    {
        using var client = _host.Factory.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = "applicant@kxhome.demo", password = "wrong-password" });
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "applicant@kxhome.demo", password = DemoData.Password });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        problem["title"]!.GetValue<string>().Should().Be("账号已暂时锁定");
        problem["detail"]!.GetValue<string>().Should().Be("登录失败次数过多，账号已暂时锁定，请稍后再试");
    }

    [Fact]
    public async Task Problems_the_framework_writes_are_in_Chinese_too()
    {
        using var client = _host.Factory.CreateClient();

        var anonymous = await client.GetAsync($"/api/cases/{Guid.NewGuid()}");
        var unsupported = await (await _host.SignInAsync("applicant")).PostAsync("/api/cases", new StringContent("definitionKey=certification"));

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unsupported.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var problem = (await unsupported.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        problem["title"]!.GetValue<string>().Should().Be("请求内容的格式不受支持，请以 JSON 提交");
        problem["detail"]!.GetValue<string>().Should().Be(problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nobody_can_register_themselves()
    {
        using var client = _host.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "stranger@example.com", password = "Str0ng!Password" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("不开放自行注册");
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("stranger@example.com")).Should().BeNull();
    }

    [Fact]
    public async Task The_demo_people_belong_to_their_organisations_and_a_restart_adds_no_one()
    {
        await _host.RestartAsync();
        using var client = _host.Factory.CreateClient();

        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        users.Users.Count().Should().Be(DemoData.Users.Length);
        var applicant = await users.FindByEmailAsync("applicant@kxhome.demo");
        applicant!.OrganisationId.Should().Be("jd-industrial-park");
        (await users.IsInRoleAsync(applicant, Roles.Applicant)).Should().BeTrue();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Organisations.FindAsync("jd-industrial-park"))!.ParentId.Should().Be("jd-juyuan");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
