using System.Text;
using System.Xml;
using System.Xml.Linq;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML with the Camunda 7 attributes into <see cref="ProcessModel"/>s. Never throws on bad input:
/// every problem comes back with its element id, line and column. DTDs and external entities are refused.
/// </summary>
public sealed class BpmnParser(BpmnParserOptions options)
{
    /// <summary>A parser with the default limits.</summary>
    public BpmnParser() : this(new BpmnParserOptions()) { }

    /// <summary>Parses the XML text.</summary>
    public ParseResult Parse(string xml)
    {
        var size = Encoding.UTF8.GetByteCount(xml);
        if (size > options.MaxBytes)
        {
            return ParseResult.Failed(new BpmnProblem("file-too-large",
                $"文件大小 {size / 1024} KB 超过上限 {options.MaxBytes / 1024} KB", null, 0, 0));
        }
        var document = Load(xml, out var loadProblem);
        if (document is null) return ParseResult.Failed(loadProblem!);

        var root = document.Root!;
        if (root.Name != BpmnNames.Model + "definitions")
        {
            return ParseResult.Failed(new BpmnProblem("not-bpmn",
                $"根元素 <{root.Name.LocalName}> 不是 BPMN 2.0 的 definitions（命名空间应为 {BpmnNames.Model.NamespaceName}）",
                null, Line(root), Column(root)));
        }
        var problems = new List<BpmnProblem>();
        CheckDuplicateIds(document, problems);
        var processes = new List<ProcessModel>();
        foreach (var process in root.Elements(BpmnNames.Model + "process"))
        {
            try
            {
                processes.Add(new ProcessReader(process, problems).Read());
            }
            catch (Exception ex)
            {
                // A safety net: a reader bug must show as a problem on the process, never as a crash of the caller.
                problems.Add(new BpmnProblem("unreadable-process", $"无法读取流程：{ex.Message}",
                    (string?)process.Attribute("id"), Line(process), Column(process)));
            }
        }
        return new ParseResult(processes, problems);
    }

    private XDocument? Load(string xml, out BpmnProblem? problem)
    {
        problem = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = options.MaxBytes,
        };
        try
        {
            // Depth first, in a streaming pass: the readers after this one recurse, and a file nested thousands deep
            // would end the process with a stack overflow, which nothing can catch.
            using (var scan = XmlReader.Create(new StringReader(xml), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth <= options.MaxDepth) continue;
                    var at = (IXmlLineInfo)scan;
                    problem = new BpmnProblem("too-deep", $"元素嵌套超过 {options.MaxDepth} 层", null, at.LineNumber, at.LinePosition);
                    return null;
                }
            }
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var dtd = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase);
            problem = new BpmnProblem(dtd ? "dtd-refused" : "not-xml",
                dtd ? "出于安全原因，文件不能包含 DTD 或外部实体" : $"不是格式正确的 XML：{ex.Message}",
                null, ex.LineNumber, ex.LinePosition);
            return null;
        }
    }

    private static void CheckDuplicateIds(XDocument document, List<BpmnProblem> problems)
    {
        var seen = new HashSet<string>();
        // Vendor extensions (camunda:formProperty, …) have ids of their own, unique only where they stand.
        foreach (var element in document.Descendants().Where(e => e.Name.NamespaceName.StartsWith(BpmnNames.OmgSpec, StringComparison.Ordinal)))
        {
            var id = (string?)element.Attribute("id");
            if (id is not null && !seen.Add(id))
            {
                problems.Add(new BpmnProblem("duplicate-id", $"id “{id}” 重复出现（<{element.Name.LocalName}>）",
                    id, Line(element), Column(element)));
            }
        }
    }

    internal static int Line(XObject node) => ((IXmlLineInfo)node).LineNumber;

    internal static int Column(XObject node) => ((IXmlLineInfo)node).LinePosition;
}
