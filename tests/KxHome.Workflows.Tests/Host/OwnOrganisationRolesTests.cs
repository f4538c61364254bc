using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

/// <summary>
/// An organisation's own bodies (its committee, party committee, applicant side) act on its own cases only: the park
/// association's committee may read the cases of an association below the park, but not decide them.
/// </summary>
public sealed class OwnOrganisationRolesTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    [Fact]
    public async Task A_committee_acts_on_its_own_associations_review_and_not_on_that_of_an_association_below_it()
    {
        using (var scope = _host.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Organisations.Add(new Organisation { Id = "jd-park-robotics", Name = "园区机器人企业科协", Kind = OrganisationKind.Enterprise, ParentId = "jd-industrial-park" });
            await db.SaveChangesAsync();
        }
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(Bpmn.Process("review", """
            <startEvent id="start" /><userTask id="committeeReview" name="委员会审议" camunda:candidateGroups="committee" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "committeeReview") + Bpmn.Flow("f2", "committeeReview", "end")), "tester");
        var own = await engine.StartAsync(new StartRequest("review") { Owner = "jd-industrial-park", StartedBy = "tester" });
        var below = await engine.StartAsync(new StartRequest("review") { Owner = "jd-park-robotics", StartedBy = "tester" });
        var belowTask = below.ActiveElements[0].TaskId!.Value;
        using var committee = await _host.SignInAsync("committee");

        var todo = (await committee.GetFromJsonAsync<JsonObject>("/api/tasks"))!["items"]!.AsArray().Select(t => t!["instanceId"]!.GetValue<Guid>());
        todo.Should().Equal([own.Id], "only the park's own review is in the committee's inbox");
        (await committee.GetAsync($"/api/cases/{below.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "a case below the park may be read");
        var act = await committee.PostAsJsonAsync($"/api/tasks/{belowTask}/approve", new { comment = "越级审议" });
        act.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await engine.Queries.GetTaskAsync(belowTask)).State.Should().Be(UserTaskState.Open, "nothing was decided");
        var page = await PageClient.SignInAsync(_host.Factory, "committee");
        var (_, taskPage) = await page.GetAsync($"/tasks/{belowTask}");
        taskPage.Should().NotContain("name=\"Action\" value=\"Approve\"", "the page offers no decision either");

        (await committee.PostAsJsonAsync($"/api/tasks/{own.ActiveElements[0].TaskId}/approve", new { comment = "同意" })).StatusCode
            .Should().Be(HttpStatusCode.OK);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
