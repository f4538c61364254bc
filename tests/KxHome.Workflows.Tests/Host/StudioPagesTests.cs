using System.Net.Http.Json;
using System.Net;
using KxHome.Host.Studio;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

/// <summary>The studio's pages without a browser: rolling back, the workflows folder not undoing a publication, the case view's marks, the diff.</summary>
public sealed class StudioPagesTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    private static string Changed(string xml) => xml.Replace("街镇科协初审", "街镇科协初审（新）");

    [Fact]
    public async Task Republishing_an_old_version_makes_it_the_newest_and_a_restart_keeps_what_was_published()
    {
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var original = await engine.Queries.GetDefinitionXmlAsync("certification:1");
        await engine.DeployAsync(Changed(original), "admin");
        var admin = await PageClient.SignInAsync(_host.Factory, "admin");

        await _host.RestartAsync();
        engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.ListDefinitionsAsync()).Where(d => d.Key == "certification").Select(d => d.Version).Should().Equal([2, 1],
            "the unchanged file in workflows/ does not undo the studio's version 2");

        admin = await PageClient.SignInAsync(_host.Factory, "admin");
        var page = await admin.SubmitAsync("/studio", "/studio/republish", new() { ["id"] = "certification:1" });

        page.Should().Contain("已将第 1 版重新发布为第 3 版");
        (await engine.Queries.GetDefinitionXmlAsync("certification:3")).Should().Be(original);
    }

    [Fact]
    public async Task The_case_view_marks_where_the_case_stands_and_its_pending_deadline()
    {
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(Bpmn.Process("rectification", """
            <startEvent id="start" /><userTask id="rectify" name="整改" camunda:candidateGroups="applicant" />
            <boundaryEvent id="window" name="整改期限" attachedToRef="rectify"><timerEventDefinition><timeDuration>P1Y</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="done" /><endEvent id="revoked" />
            """ + Bpmn.Flow("f1", "start", "rectify") + Bpmn.Flow("f2", "rectify", "done") + Bpmn.Flow("f3", "window", "revoked")));
        var instance = await engine.StartAsync(new StartRequest("rectification") { Owner = "jd-industrial-park" });
        var admin = await PageClient.SignInAsync(_host.Factory, "admin");

        var (status, html) = await admin.GetAsync($"/studio/cases/{instance.Id}");

        status.Should().Be(HttpStatusCode.OK);
        var marks = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "data-marks=\"([^\"]+)\"").Groups[1].Value);
        marks.Should().Contain("\"active\":[\"rectify\"]").And.Contain("\"completed\":[\"start\"]");
        marks.Should().Contain("\"elementId\":\"window\"").And.Contain("到期");
        html.Should().Contain("办理中").And.Contain("取消案件");
        var applicant = await PageClient.SignInAsync(_host.Factory, "applicant");
        (await applicant.GetAsync($"/studio/cases/{instance.Id}")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_form_saved_in_the_studio_is_kept_beside_the_flows_and_a_bad_id_is_refused_without_writing()
    {
        using var admin = await _host.SignInAsync("admin");
        const string form = """{"type":"default","id":"rectify-report","components":[{"type":"textarea","key":"measures","label":"整改措施","validate":{"required":true}}]}""";

        var saved = await admin.PutAsync("/api/studio/forms", new StringContent(form, System.Text.Encoding.UTF8, "application/json"));
        var refused = await admin.PutAsync("/api/studio/forms", new StringContent(form.Replace("rectify-report", "../evil"), System.Text.Encoding.UTF8, "application/json"));

        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        File.ReadAllText(Path.Combine(_host.Folder, "forms", "rectify-report.form")).Should().Be(form);
        var ids = await admin.GetStringAsync("/api/studio/forms");
        ids.Should().Contain("rectify-report").And.Contain("certification-apply");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("表单 id 只能由小写字母、数字和连字符组成");
        Directory.EnumerateFiles(_host.Folder, "evil*", SearchOption.AllDirectories).Should().BeEmpty();
        var forms = _host.Factory.Services.GetRequiredService<KxHome.Host.Forms.FormCatalog>();
        forms.Find("rectify-report")!.Fields.Should().ContainSingle(f => f.Key == "measures");
    }

    [Fact]
    public async Task A_case_is_tried_then_migrated_to_a_newer_version_and_a_case_at_a_removed_step_is_not()
    {
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        using var applicant = await _host.SignInAsync("applicant");
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        var caseId = (await started.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        var original = await engine.Queries.GetDefinitionXmlAsync("certification:1");
        await engine.DeployAsync(Changed(original), "admin");
        var admin = await PageClient.SignInAsync(_host.Factory, "admin");

        var (_, dryRun) = await admin.GetAsync($"/studio/cases/{caseId}?to=certification:2");
        dryRun.Should().Contain("第 1 版 → 第 2 版").And.Contain("填写申报材料（apply）").And.Contain("迁移到第 2 版");
        (await engine.Queries.GetInstanceAsync(caseId)).DefinitionVersion.Should().Be(1, "a dry run changes nothing");
        var migrated = await admin.SubmitAsync($"/studio/cases/{caseId}", $"/studio/cases/{caseId}/migrate", new() { ["to"] = "certification:2" });

        migrated.Should().Contain("已迁移到第 2 版").And.Contain("迁移到新版本");
        (await engine.Queries.GetInstanceAsync(caseId)).DefinitionVersion.Should().Be(2);
        (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Single().ElementId.Should().Be("apply");

        await engine.DeployAsync(original.Replace("\"apply\"", "\"fill\"").Replace(">apply<", ">fill<"), "admin");
        using var api = await _host.SignInAsync("admin");
        var plan = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/studio/cases/{caseId}/migration?to=certification:3");
        plan!["canMigrate"]!.GetValue<bool>().Should().BeFalse();
        var refused = await api.PostAsJsonAsync($"/api/studio/cases/{caseId}/migration", new { to = "certification:3" });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["code"]!.GetValue<string>().Should().Be("migration-blocked");
        (await engine.Queries.GetInstanceAsync(caseId)).DefinitionVersion.Should().Be(2, "a blocked migration changes nothing");
    }

    [Fact]
    public async Task A_draft_is_kept_with_its_problems_until_the_flow_is_published()
    {
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        var original = await engine.Queries.GetDefinitionXmlAsync("certification:1");
        using var api = await _host.SignInAsync("admin");
        var admin = await PageClient.SignInAsync(_host.Factory, "admin");

        var broken = await api.PutAsJsonAsync("/api/studio/drafts", new { xml = Changed(original).Replace("camunda:candidateGroups=\"street\"", "camunda:candidateGroups=\"${street\"") });
        var check = (await broken.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["check"]!;

        broken.StatusCode.Should().Be(HttpStatusCode.OK, "a draft may be unfinished");
        check["isValid"]!.GetValue<bool>().Should().BeFalse();
        check["problems"]![0]!["elementId"]!.GetValue<string>().Should().Be("streetReview");
        var (_, editor) = await admin.GetAsync("/studio/edit?id=certification:1");
        editor.Should().Contain("已载入未发布的草稿").And.Contain("街镇科协初审（新）");
        (await admin.GetAsync("/studio")).Html.Should().Contain("未发布的草稿");
        (await engine.Queries.ListDefinitionsAsync()).Should().ContainSingle(d => d.Key == "certification", "a draft publishes nothing");

        var published = await api.PostAsJsonAsync("/api/studio/publish", new { xml = Changed(original), note = "改名" });
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/studio")).Html.Should().NotContain("未发布的草稿", "publishing the flow ends its draft");
        (await api.PutAsJsonAsync("/api/studio/drafts", new { xml = "不是 XML" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_administrator_retries_an_incident_and_cancels_a_case_from_its_page()
    {
        _host.RestartWith(web => web.UseSetting("Workflows:DefaultRetry:Attempts", "1")); // the first failure is an incident
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(Bpmn.Process("grading", """
            <startEvent id="start" />
            <serviceTask id="assess" name="记录考核等级" camunda:type="external" camunda:topic="kx-record-assessment">
              <extensionElements><camunda:inputOutput><camunda:inputParameter name="grade">${grade}</camunda:inputParameter></camunda:inputOutput></extensionElements>
            </serviceTask>
            <userTask id="confirm" name="确认" camunda:candidateGroups="district" /><endEvent id="end" />
            """ + Bpmn.Flow("f1", "start", "assess") + Bpmn.Flow("f2", "assess", "confirm") + Bpmn.Flow("f3", "confirm", "end")));
        var instance = await engine.StartAsync(new StartRequest("grading")
        {
            Owner = "jd-industrial-park", Variables = new Dictionary<string, object?> { ["grade"] = "很好" },
        });
        await JobRuns.UntilAsync(engine, async () => (await engine.Queries.GetInstanceAsync(instance.Id)).Incidents.Count > 0);
        var incident = (await engine.Queries.GetInstanceAsync(instance.Id)).Incidents.Should().ContainSingle().Subject;
        await engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["grade"] = "优秀" }, "admin");
        var admin = await PageClient.SignInAsync(_host.Factory, "admin");

        var page = await admin.SubmitAsync($"/studio/cases/{instance.Id}", $"/studio/cases/{instance.Id}/retry", new() { ["incidentId"] = incident.Id.ToString() });
        await JobRuns.UntilAsync(engine, async () => (await engine.Queries.GetInstanceAsync(instance.Id)).ActiveElements.Any(a => a.ElementId == "confirm"));

        page.Should().Contain("已重试");
        var retried = await engine.Queries.GetInstanceAsync(instance.Id);
        retried.ActiveElements.Select(a => a.ElementId).Should().Equal("confirm");
        retried.Variables["assessmentGrade"]!.GetValue<string>().Should().Be("Excellent");
        var cancelled = await admin.SubmitAsync($"/studio/cases/{instance.Id}", $"/studio/cases/{instance.Id}/cancel", new() { ["reason"] = "重复申报" });
        cancelled.Should().Contain("案件已取消").And.Contain("已终止");
        (await engine.Queries.GetInstanceAsync(instance.Id)).Status.Should().Be(InstanceStatus.Cancelled);
    }

    [Fact]
    public void The_diff_names_what_was_added_removed_and_changed_and_ignores_moves_on_the_diagram()
    {
        var older = Bpmn.Process("p", """<startEvent id="s" /><userTask id="a" name="甲" /><userTask id="gone" /><endEvent id="e" />""");
        var newer = Bpmn.Process("p", """<startEvent id="s" /><userTask id="a" name="乙" /><serviceTask id="new" /><endEvent id="e" />""")
            .Replace("</definitions>", """<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p" /></bpmndi:BPMNDiagram></definitions>""");

        var diff = VersionDiff.Of(older, newer);

        diff.Added.Should().Equal("new");
        diff.Removed.Should().Equal("gone");
        diff.Changed.Should().Equal("a");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
