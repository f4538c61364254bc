using KxHome.Host.Identity;
using KxHome.Workflows.Association;

namespace KxHome.Host.Reports;

/// <summary>
/// Chengdu's year-end tables for an area and year (R26), as the records give them: 1-1 the enterprise associations,
/// 1-2 the industrial-zone (park) associations, 1-3 their activities, and per 区（市）县 the footer figures.
/// </summary>
public sealed record YearEndReport(
    Organisation Area, int Year, IReadOnlyList<YearEndReport.AssociationRow> Enterprises, IReadOnlyList<YearEndReport.AssociationRow> Zones,
    IReadOnlyList<YearEndReport.ActivityRow> Activities, IReadOnlyList<YearEndReport.County> Counties)
{
    /// <summary>An association with the officers of the term in force at the year's end, each as "姓名/职务/电话".</summary>
    public sealed record AssociationRow(ParkAssociation Association, string County, ILookup<OfficerRole, string> Officers)
    {
        public string OfficersOf(OfficerRole role) => string.Join("\n", Officers[role]);

        public string LegalRepresentative => Association.LegalRepresentative.Length == 0 ? ""
            : Cell(Association.LegalRepresentative, Association.LegalRepresentativeTitle, Association.LegalRepresentativePhone);
    }

    /// <summary>An activity of an association (its home's service ledger), with the file names of its evidence.</summary>
    public sealed record ActivityRow(ServiceEvent Event, string Association, IReadOnlyList<Evidence> Evidence);

    public sealed record Evidence(Guid Id, string FileName);

    /// <summary>
    /// A 区（市）县's footer: the associations built there, and what the district entered for the year (null while not
    /// entered). A total over several counties has a null <see cref="OrganisationId"/>.
    /// </summary>
    public sealed record County(string? OrganisationId, string Name, int EnterpriseAssociations, int ZoneAssociations, YearEndFigures? Figures)
    {
        /// <summary>比例（已建/科技企业）.</summary>
        public string EnterpriseRatio => Ratio(EnterpriseAssociations, Figures?.ScienceEnterprises);

        /// <summary>比例 (已建功能区科协 / 产业功能区).</summary>
        public string ZoneRatio => Ratio(ZoneAssociations, Figures?.IndustrialZones);
    }

    /// <summary>The footers, with a 合计 row when the area spans several counties (a city aggregates its districts).</summary>
    public IReadOnlyList<County> Footers => Counties.Count <= 1 ? Counties :
    [
        .. Counties,
        new County(null, "合计", Counties.Sum(c => c.EnterpriseAssociations), Counties.Sum(c => c.ZoneAssociations),
            Counties.All(c => c.Figures is not null)
                ? new YearEndFigures
                {
                    Year = Year, LocalEnterprises = Counties.Sum(c => c.Figures!.LocalEnterprises),
                    ScienceEnterprises = Counties.Sum(c => c.Figures!.ScienceEnterprises), IndustrialZones = Counties.Sum(c => c.Figures!.IndustrialZones),
                }
                : null),
    ];

    /// <summary>An officer's cell: 姓名/职务/电话.</summary>
    public static string Cell(string name, string title, string phone) => $"{name}/{title}/{phone}";

    private static string Ratio(int built, int? of) => of is > 0 ? $"{built * 100.0 / of.Value:0.#}%" : "—";
}
