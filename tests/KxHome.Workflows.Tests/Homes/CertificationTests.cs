using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Host.Homes;
using KxHome.Host.Homes.Tasks;
using KxHome.Workflows.Association;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Homes;

/// <summary>科技工作者之家认定 from the application to the plaque, through the real host, on a virtual clock.</summary>
public sealed class CertificationTests : IAsyncDisposable
{
    private readonly TestHost _host = new();
    private readonly HomeDriver _drive;

    public CertificationTests() => _drive = new HomeDriver(_host);

    [Fact]
    public async Task A_certified_home_is_active_with_a_plaque_one_grant_and_a_matching_obligation_R16_R18_R28()
    {
        var home = await _drive.CertifyAsync();

        home.Status.Should().Be(HomeStatus.Active);
        home.PlaqueNumber.Should().Be("嘉科家〔2026〕第001号");
        home.DesignatedOn.Should().NotBeNull();
        var funding = await _drive.ReadAsync(db => db.FundingEntries.Where(f => f.HomeId == home.Id).ToListAsync());
        funding.Should().ContainSingle().Which.Should().Match<FundingEntry>(f =>
            f.Kind == FundingKind.ConstructionGrant && f.AmountFen == 8_000_000 && f.Purpose == CertifyTask.DefaultPurpose);
        var instance = await _drive.Engine.GetInstanceAsync(home.CertificationCaseId!.Value);
        instance.Variables["matchingOwedFen"]!.GetValue<long>().Should().Be(8_000_000, "the builder matches at least the district grant (R18)");
        var history = await _drive.ReadAsync(db => db.HomeStatusChanges.Where(c => c.HomeId == home.Id).OrderBy(c => c.Id).ToListAsync());
        history.Select(c => c.To).Should().Equal(HomeStatus.Applying, HomeStatus.Active);
        history.Last().Reason.Should().Contain("嘉科家〔2026〕第001号");
        history.Last().CaseId.Should().Be(home.CertificationCaseId);
    }

    [Fact]
    public async Task The_grant_is_booked_once_even_when_its_job_runs_again_R16()
    {
        var home = await _drive.CertifyAsync();
        var certify = _host.Factory.Services.GetServices<IServiceTaskHandler>().Single(h => h.Topic == "kx-home-certify");
        var instance = await _drive.Engine.GetInstanceAsync(home.CertificationCaseId!.Value);
        var retried = new ServiceTaskContext(Guid.NewGuid(), instance.Id, instance.DefinitionId, instance.BusinessKey, "certify", "kx-home-certify", 2,
            instance.Variables);

        await certify.HandleAsync(retried, default);
        await certify.HandleAsync(retried, default);

        (await _drive.ReadAsync(db => db.FundingEntries.CountAsync(f => f.HomeId == home.Id && f.Kind == FundingKind.ConstructionGrant))).Should().Be(1);
        (await _drive.ReadAsync(db => db.Homes.SingleAsync(h => h.Id == home.Id))).PlaqueNumber.Should().Be(home.PlaqueNumber, "naming twice keeps the plaque");
    }

    public async ValueTask DisposeAsync()
    {
        _drive.Dispose();
        await _host.DisposeAsync();
    }
}
