using System.Net.Http.Json;
using System.Text;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Hostile;

internal static partial class Attacks
{
    private const string Definitions = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:x">""";

    /// <summary>Flows an administrator might be tricked into publishing: each is refused whole, naming what is wrong.</summary>
    private static IEnumerable<Attack> Bpmn()
    {
        yield return Deploy("BPMN that is not XML", "这不是一个流程文件");
        yield return Deploy("BPMN cut off in the middle", RepositoryPaths.ReferenceFlow[..(RepositoryPaths.ReferenceFlow.Length / 2)]);
        yield return Deploy("BPMN with a process that has no id", Definitions + """<process isExecutable="true"><startEvent id="s"/></process></definitions>""");
        yield return Deploy("BPMN whose flow points at nothing",
            Support.Bpmn.Process("dangling", """<startEvent id="s"/>""" + Flow("f", "s", "nowhere")), says: "nowhere");
        yield return Deploy("billion laughs", BillionLaughs());
        yield return Deploy("an external entity reading /etc/passwd", """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            """ + Definitions + """<process id="xxe" name="&secret;" isExecutable="true"><startEvent id="s"/></process></definitions>""");
        yield return Deploy("an external DTD on another server", """
            <?xml version="1.0"?>
            <!DOCTYPE definitions SYSTEM "http://127.0.0.1:9/evil.dtd">
            """ + Definitions + "</definitions>");
        yield return Deploy("sub-processes nested 20,000 deep", Support.Bpmn.Process("deep",
            """<startEvent id="s"/>""" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<subProcess id=\"sp{i}\">"))
            + string.Concat(Enumerable.Repeat("</subProcess>", 20_000))));
        yield return Deploy("XML elements nested 200,000 deep", Support.Bpmn.Process("deeper",
            """<startEvent id="s"/><documentation>""" + string.Concat(Enumerable.Repeat("<a>", 200_000))
            + string.Concat(Enumerable.Repeat("</a>", 200_000)) + "</documentation>"));
        yield return new Attack("a 40 MB flow", arena =>
        {
            var huge = new StringBuilder(RepositoryPaths.ReferenceFlow).Insert(RepositoryPaths.ReferenceFlow.IndexOf("<process", StringComparison.Ordinal),
                "<!--" + new string('x', 40 * 1024 * 1024) + "-->");
            return Huge(arena.Admin, "/api/definitions", System.Text.Json.JsonSerializer.Serialize(new { xml = huge.ToString() }));
        }, "请求内容过大");
        yield return Deploy("an element id that is a script", Support.Bpmn.Process("<script>alert(1)</script>", """<startEvent id="s"/>"""));
    }

    private static Attack Deploy(string name, string xml, string? says = null) =>
        new(name, arena => arena.Admin.PostAsJsonAsync("/api/definitions", new { xml }), says);

    private static string Flow(string id, string from, string to) => Support.Bpmn.Flow(id, from, to);

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("""<!ENTITY lol0 "lollollollollollollollollollol">""");
        for (var level = 1; level <= 9; level++)
        {
            entities.Append($"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">");
        }
        return $"<?xml version=\"1.0\"?><!DOCTYPE definitions [{entities}]>" + Definitions
            + """<process id="laughs" name="&lol9;" isExecutable="true"><startEvent id="s"/></process></definitions>""";
    }
}
