using KxHome.Host.Association;
using KxHome.Host.Identity;
using KxHome.Workflows.Model;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KxHome.Workflows.Tests.Host;

/// <summary>
/// The designer's palette of 科协 tasks runs: a flow made of the seven templates (as the studio writes them: external
/// service tasks with input parameters) does its work in the host, and a bad input becomes an incident naming it.
/// </summary>
public sealed class PaletteTaskTests : IAsyncDisposable
{
    private readonly TestHost _host = new();

    private static string PaletteTask(string id, string topic, params (string Name, string Value)[] inputs) => $"""
        <serviceTask id="{id}" camunda:type="external" camunda:topic="{topic}">
          <extensionElements><camunda:inputOutput>
            {string.Concat(inputs.Select(i => $"<camunda:inputParameter name=\"{i.Name}\">{i.Value}</camunda:inputParameter>"))}
          </camunda:inputOutput></extensionElements>
        </serviceTask>
        """;

    private static string Chain(string id, params string[] tasks)
    {
        var ids = new List<string> { "start" };
        ids.AddRange(tasks.Select(t => System.Text.RegularExpressions.Regex.Match(t, "id=\"([^\"]+)\"").Groups[1].Value));
        ids.Add("end");
        var flows = ids.Zip(ids.Skip(1), (a, b) => Bpmn.Flow($"f_{a}_{b}", a, b));
        return Bpmn.Process(id, "<startEvent id=\"start\" />" + string.Concat(tasks) + "<endEvent id=\"end\" />" + string.Concat(flows));
    }

    private async Task<(WorkflowEngine Engine, Guid CaseId)> RunAsync(string xml, string key)
    {
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(xml);
        var instance = await engine.StartAsync(new StartRequest(key) { Owner = "jd-industrial-park", Variables = new Dictionary<string, object?> { ["grade"] = "合格" } });
        await SettledAsync(engine, instance.Id);
        return (engine, instance.Id);
    }

    /// <summary>Runs due jobs until the case ended or has an incident.</summary>
    private static Task SettledAsync(WorkflowEngine engine, Guid caseId) =>
        JobRuns.UntilAsync(engine, async () => await engine.Queries.GetInstanceAsync(caseId) is var i && (i.Status != InstanceStatus.Active || i.Incidents.Count > 0));

    [Fact]
    public async Task A_flow_of_the_seven_palette_tasks_does_their_work_and_writes_the_ledger()
    {
        var xml = Chain("palette",
            PaletteTask("grant", "kx-grant-funding", ("amountFen", "8000000"), ("purpose", "建设资助")),
            PaletteTask("assess", "kx-record-assessment", ("grade", "${grade}"), ("year", "2026")),
            PaletteTask("name", "kx-name-plaque", ("title", "科技工作者之家")),
            PaletteTask("notice", "kx-public-notice", ("days", "5"), ("text", "拟命名名单")),
            PaletteTask("file", "kx-file-report", ("to", "parent")),
            PaletteTask("mail", "kx-send-mail", ("to", "applicant"), ("subject", "认定结果"), ("body", "您单位已被命名为科技工作者之家。")),
            PaletteTask("revoke", "kx-revoke", ("reason", "连续两年考核不合格")));

        var (engine, caseId) = await RunAsync(xml, "palette");

        var instance = await engine.Queries.GetInstanceAsync(caseId);
        instance.Status.Should().Be(InstanceStatus.Completed, string.Join("; ", instance.Incidents.Select(i => i.Message)));
        instance.Variables["fundingFen"]!.GetValue<long>().Should().Be(8_000_000);
        instance.Variables["assessmentGrade"]!.GetValue<string>().Should().Be("Qualified");
        instance.Variables["filedTo"]!.GetValue<string>().Should().Be("jd-juyuan", "the park files with the street association above it");
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var ledger = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Ledger.Where(l => l.InstanceId == caseId).OrderBy(l => l.Id).ToListAsync();
        ledger.Select(l => l.Summary).Should().Equal(
            "发放建设资助 80,000.00 元", "2026 年度考核：合格", "命名授牌：科技工作者之家",
            ledger[3].Summary, "提交备案至菊园新区科协", "取消资格：连续两年考核不合格");
        ledger[3].Summary.Should().StartWith("公示 5 个工作日，至 ").And.EndWith("：拟命名名单");
        ledger.Should().OnlyContain(l => l.Owner == "jd-industrial-park");
        ledger[0].AmountFen.Should().Be(8_000_000);
        await _host.Factory.Services.GetRequiredService<KxHome.Host.Mail.NoticeDispatcher>().DispatchOnceAsync(); // or the host's own loop did
        var applicant = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>()
            .FindByEmailAsync("applicant@kxhome.demo"))!;
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().SentMails.Where(m => m.Recipient == applicant.Id).Select(m => m.Subject).ToListAsync())
            .Should().Contain(subject => subject.StartsWith("认定结果"), "the 发送邮件通知 task mails the applicants");
    }

    [Fact]
    public async Task A_bad_input_becomes_an_incident_that_names_the_task_and_the_value_and_writes_nothing()
    {
        var xml = Chain("badgrade", PaletteTask("assess", "kx-record-assessment", ("grade", "很好")));

        _host.RestartWith(web => web.UseSetting("Clock:Mode", "Virtual"));
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        await engine.DeployAsync(xml);
        var instance = await engine.StartAsync(new StartRequest("badgrade") { Owner = "jd-industrial-park" });
        for (var attempt = 0; attempt < 10 && (await engine.Queries.GetInstanceAsync(instance.Id)).Incidents.Count == 0; attempt++)
        {
            await engine.ExecuteDueJobsAsync();
            await _host.Factory.Services.GetRequiredService<VirtualTime>().AdvanceAsync("PT1H", TimeZoneInfo.Utc); // past the retry back-off
        }

        var incident = (await engine.Queries.GetInstanceAsync(instance.Id)).Incidents.Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("assess");
        incident.Message.Should().Contain("考核等级须为 优秀、合格 或 不合格").And.Contain("很好");
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Ledger.CountAsync(l => l.InstanceId == instance.Id)).Should().Be(0);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
