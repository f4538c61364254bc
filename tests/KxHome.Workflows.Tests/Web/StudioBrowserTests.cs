using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KxHome.Workflows.Parsing;
using KxHome.Workflows.Runtime;
using KxHome.Workflows.Tests.Host;
using KxHome.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KxHome.Workflows.Tests.Web;

/// <summary>The administrators' studio in Debian's Chromium against the host on a real Kestrel socket.</summary>
public sealed class StudioBrowserTests : IAsyncLifetime
{
    private readonly TestHost _host = new();
    private Browser _browser = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _url = _host.StartKestrel();
        _browser = await Browser.LaunchAsync();
    }

    private Task<IPage> SignInAsync(string login) => _browser.SignInAsync(_url, login, new ViewportSize { Width = 1400, Height = 900 });

    /// <summary>The administrator opens the certification flow in the designer from the flow list.</summary>
    private async Task<IPage> OpenCertificationAsync()
    {
        var page = await SignInAsync("admin");
        await page.GotoAsync("/studio");
        var row = page.Locator("tr", new() { HasText = "科技工作者之家认定" });
        await Assertions.Expect(row).ToContainTextAsync("第 1 版");
        await Assertions.Expect(row).ToContainTextAsync("当前发布");
        await row.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(page.Locator("#studio[data-ready=yes]")).ToBeAttachedAsync();
        return page;
    }

    private Task<IReadOnlyList<DefinitionView>> VersionsAsync() =>
        _host.Factory.Services.GetRequiredService<WorkflowEngine>().Queries.ListDefinitionsAsync()
            .ContinueWith(t => (IReadOnlyList<DefinitionView>)t.Result.Where(d => d.Key == "certification").ToList());

    private static async Task<(float X, float Y)> CenterAsync(ILocator element)
    {
        var box = (await element.BoundingBoxAsync())!;
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    [Fact]
    public async Task An_administrator_adds_a_user_task_from_the_palette_publishes_and_new_cases_run_on_the_new_version()
    {
        var page = await OpenCertificationAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "kxhome-studio.png") }); // README's picture comes from here
        await Assertions.Expect(page.Locator(".bjsl-button-success")).ToContainTextAsync("没有问题"); // our own flows pass bpmnlint's recommended rules
        var palette = (await page.Locator(".djs-palette").BoundingBoxAsync())!;
        var canvas = (await page.Locator(".studio-canvas").BoundingBoxAsync())!;
        foreach (var end in new[] { "start", "certified" })
        {
            var box = (await page.Locator($"[data-element-id={end}]").BoundingBoxAsync())!;
            box.X.Should().BeGreaterThan(palette.X + palette.Width, $"the diagram opens fitted beside the palette, {end} in full view");
            (box.X + box.Width).Should().BeLessThan(canvas.X + canvas.Width);
        }
        await Assertions.Expect(page.Locator(".bjs-powered-by")).ToBeVisibleAsync(); // the bpmn.io watermark stays (its licence)
        await Assertions.Expect(page.Locator(".djs-palette [data-action='create.task']")).ToHaveAttributeAsync("aria-label", "创建任务");
        await Assertions.Expect(page.Locator(".djs-palette .kx-template-name")).ToHaveTextAsync(
            ["发送邮件通知", "发放建设资助", "记录考核等级", "命名授牌", "公示", "取消资格", "提交备案"]);

        // A task from the palette, dropped on the flow from 填写申报材料 to 登记申报, then made a user task.
        await page.Locator(".djs-palette [data-action='create.task']").ClickAsync();
        var (x, y) = await CenterAsync(page.Locator(".djs-connection[data-element-id=f_apply_file]"));
        await page.Mouse.MoveAsync(x - 20, y);
        await page.Mouse.MoveAsync(x, y, new() { Steps = 5 });
        await page.Mouse.ClickAsync(x, y);
        await page.Keyboard.PressAsync("Escape"); // leaves the new task's label editing
        await Assertions.Expect(page.Locator("[data-rule$='label-required'] .rule").First).ToContainTextAsync("规则：元素须有名称"); // not the rule's id
        await page.Locator(".djs-context-pad [data-action=replace]").ClickAsync();
        await page.Locator(".djs-popup .entry", new() { HasText = "用户任务" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".bio-properties-panel-header-type")).ToContainTextAsync("用户任务");
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "常规" }).First.ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("园区党工委意见");
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "人员分配" }).ClickAsync();
        await page.GetByLabel("候选组").FillAsync("party");
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "表单" }).First.ClickAsync();
        await page.Locator("select[name=formType]").SelectOptionAsync("formKey");
        var formKey = page.Locator("input[name=formKey]");
        await Assertions.Expect(formKey).ToHaveAttributeAsync("list", "kx-form-keys"); // the field offers the flows' forms
        await Assertions.Expect(page.Locator("#kx-form-keys option[value=certification-apply]")).ToBeAttachedAsync();
        await formKey.FillAsync("certification-apply");

        await page.GetByLabel("发布说明").FillAsync("增加园区党工委意见");
        await page.Locator("[data-act=publish]").ClickAsync();
        await Assertions.Expect(page.Locator(".studio-message")).ToContainTextAsync("第 2 版已发布");
        await page.GotoAsync("/studio");
        var published = page.Locator("tr", new() { HasText = "第 2 版" });
        await Assertions.Expect(published).ToContainTextAsync("周婷（系统管理员）");
        await Assertions.Expect(published).ToContainTextAsync("增加园区党工委意见");

        (await VersionsAsync()).Select(v => v.Version).Should().Equal(2, 1);
        using var applicant = await _host.SignInAsync("applicant");
        var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "certification" });
        var caseId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var engine = _host.Factory.Services.GetRequiredService<WorkflowEngine>();
        (await engine.Queries.GetInstanceAsync(caseId)).DefinitionVersion.Should().Be(2);
        var apply = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Single();
        (await applicant.PostAsJsonAsync($"/api/tasks/{apply.Id}/complete", new { variables = PortalPagesTests.ValidApplication() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var next = (await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = caseId })).Single();
        next.Name.Should().Be("园区党工委意见");
        next.CandidateGroups.Should().Equal("party");
        next.FormKey.Should().Be("certification-apply");

        // The case's own diagram: where it stands, and what it has done.
        await page.GotoAsync($"/studio/cases/{caseId}");
        await Assertions.Expect(page.Locator("#case-diagram[data-ready=yes]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator($".djs-element.kx-active[data-element-id={next.ElementId}]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".djs-element.kx-completed[data-element-id=apply]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("填写申报材料");

        // The two versions compared: the new step is marked as added on the newer diagram.
        await page.GotoAsync("/studio/compare?from=certification:1&to=certification:2");
        await Assertions.Expect(page.Locator(".diff-summary")).ToContainTextAsync("新增 2 处");
        await Assertions.Expect(page.Locator($"[data-side=newer] .djs-element.kx-added[data-element-id={next.ElementId}]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-side=older] .djs-element.kx-changed[data-element-id=f_apply_file]")).ToBeAttachedAsync();
    }

    [Fact]
    public async Task A_drawing_with_an_error_shows_it_on_the_element_and_nothing_is_published()
    {
        var page = await OpenCertificationAsync();
        await page.Locator("[data-element-id=streetReview]").ClickAsync();
        await page.Locator(".bio-properties-panel-group-header", new() { HasText = "人员分配" }).ClickAsync();
        await page.GetByLabel("候选组").FillAsync("${street");

        await page.Locator("[data-act=publish]").ClickAsync();

        await Assertions.Expect(page.Locator(".studio-message")).ToContainTextAsync("发现 1 个问题");
        await Assertions.Expect(page.Locator(".studio-problems")).ToContainTextAsync("[streetReview]");
        await Assertions.Expect(page.Locator(".djs-element.kx-problem[data-element-id=streetReview]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".kx-problem-note")).ToContainTextAsync("右花括号");
        (await VersionsAsync()).Should().ContainSingle("nothing was published");
    }

    [Fact]
    public async Task Every_corpus_file_with_a_diagram_opens_in_the_designer_and_its_export_parses_as_before()
    {
        var page = await SignInAsync("admin");
        await page.GotoAsync("/studio/edit");
        await Assertions.Expect(page.Locator("#studio[data-ready=yes]")).ToBeAttachedAsync();
        await page.EvaluateAsync("""
            () => {
            const host = document.createElement('div');
            host.style.cssText = 'width:800px;height:600px';
            document.body.append(host);
            window.corpusEditor = KxStudio.createEditor({ container: host, templates: [] });
            }
            """);
        var files = Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.bpmn", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("BPMNDiagram")).Order().ToList();
        files.Should().HaveCountGreaterThan(50);
        var parser = new BpmnParser();
        var failures = new List<string>();

        foreach (var file in files)
        {
            var xml = File.ReadAllText(file);
            var result = await page.EvaluateAsync<JsonElementResult>("""
                async xml => {
                try { await window.corpusEditor.open(xml); return { error: null, xml: await window.corpusEditor.xml() }; }
                catch (e) { return { error: e.message, xml: null }; }
                }
                """, xml);
            var name = Path.GetRelativePath(RepositoryPaths.Corpus, file);
            if (result.Error is not null)
            {
                failures.Add($"{name}: {result.Error}");
                continue;
            }
            var before = parser.Parse(xml).Problems.Select(p => p.Code).ToHashSet();
            var introduced = parser.Parse(result.Xml!).Problems.Where(p => !before.Contains(p.Code)).ToList();
            if (introduced.Count > 0) failures.Add($"{name}: export {string.Join("; ", introduced)}");
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task The_form_editor_opens_a_flow_s_form_and_saves_it()
    {
        var page = await SignInAsync("admin");
        await page.GotoAsync("/studio/forms?id=certification-apply");
        await Assertions.Expect(page.Locator("#form-studio[data-ready=yes]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".form-editor .fjs-form-field").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".form-editor")).ToContainTextAsync("之家名称");

        await page.Locator("[data-act=save]").ClickAsync();

        await Assertions.Expect(page.Locator(".studio-message")).ToHaveTextAsync("表单 certification-apply 已保存");
        File.Exists(Path.Combine(_host.Folder, "forms", "certification-apply.form")).Should().BeTrue();
    }

    /// <summary>What the page gives back for one corpus file.</summary>
    private sealed class JsonElementResult
    {
        public string? Error { get; set; }
        public string? Xml { get; set; }
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }
}
