using System.Xml;
using System.Xml.Linq;

namespace KxHome.Host.Studio;

/// <summary>
/// What changed between two versions of a flow, by element id: added, removed, and changed (its own attributes,
/// text or unnamed children differ; moving it on the diagram is not a change). Elements with ids inside an element
/// (a sub-process's steps) are compared on their own.
/// </summary>
public sealed record VersionDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    private const string DiagramNamespace = "http://www.omg.org/spec/BPMN/20100524/DI";

    public static VersionDiff Of(string olderXml, string newerXml)
    {
        var older = Signatures(olderXml);
        var newer = Signatures(newerXml);
        return new VersionDiff(
            newer.Keys.Except(older.Keys).Order().ToList(),
            older.Keys.Except(newer.Keys).Order().ToList(),
            newer.Keys.Intersect(older.Keys).Where(id => older[id] != newer[id]).Order().ToList());
    }

    /// <summary>Each model element with an id (not the diagram's shapes), and a text of everything that is its own.</summary>
    private static Dictionary<string, string> Signatures(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var document = XDocument.Load(reader);
        return document.Descendants()
            .Where(e => e.Attribute("id") is not null && e.Name.NamespaceName != DiagramNamespace && e.Ancestors().All(a => a.Name.NamespaceName != DiagramNamespace))
            .Where(e => e.Parent is not null) // the definitions element itself
            .GroupBy(e => (string)e.Attribute("id")!)
            .ToDictionary(g => g.Key, g => Signature(g.First()));
    }

    private static string Signature(XElement element) =>
        element.Name + "[" + string.Join(",", element.Attributes().Where(a => !a.IsNamespaceDeclaration)
            .OrderBy(a => a.Name.ToString()).Select(a => $"{a.Name}={a.Value}")) + "]{"
        + string.Concat(element.Nodes().Select(node => node switch
        {
            XElement child when child.Attribute("id") is not null => "", // compared on its own
            XElement child => Signature(child),
            XText text => text.Value.Trim(),
            _ => "",
        })) + "}";
}
