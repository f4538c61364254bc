using System.Globalization;
using System.Text.Json.Nodes;
using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Associations;

/// <summary>
/// What people read about associations and cultivation paths, each read filtered by who is asking: an association or
/// path belongs to its host organisation, seen by that organisation and every one above it; one may not see answers
/// as one that does not exist.
/// </summary>
public sealed class AssociationDirectory(AppDbContext db, WorkflowEngine engine)
{
    public sealed record Row(ParkAssociation Association, string Organisation, AssociationTerm? Term, DateOnly? RenewalOpensOn, string? Chair);

    public sealed record TermFile(AssociationTerm Term, IReadOnlyList<AssociationOfficer> Officers, IReadOnlyList<Attachment> Documents);

    /// <summary>An association's file: its terms (newest first) with officers and documents, the 换届 under way, and every 换届's nominations (newest first).</summary>
    public sealed record File(
        ParkAssociation Association, string Organisation, IReadOnlyList<TermFile> Terms, InstanceView? Renewal, DateOnly? RenewalOpensOn,
        IReadOnlyList<Nomination> Nominations, CultivationPath? Path, string? FiledWithName);

    public sealed record PathRow(CultivationPath Path, string HomeName, string Organisation, int Guidance, IReadOnlyList<CultivationVerification> Verifications);

    public IQueryable<ParkAssociation> Visible(Viewer viewer)
    {
        var associations = db.Associations.AsNoTracking();
        return viewer.VisibleOwners is { } owners ? associations.Where(a => owners.Contains(a.OrganisationId)) : associations;
    }

    public async Task<ParkAssociation?> ReadableAsync(Viewer viewer, Guid id) =>
        await db.Associations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) is { } found && viewer.CanSee(found.OrganisationId) ? found : null;

    /// <summary>Whether the viewer acts for the association: its own applicants (the secretariat), or an administrator.</summary>
    public static bool ActsFor(Viewer viewer, ParkAssociation association) =>
        viewer.IsAdministrator || (viewer.IsApplicant && viewer.OrganisationId == association.OrganisationId);

    /// <summary>Whether the viewer may nominate in its 换届: its secretariat, its own committee, or an administrator.</summary>
    public static bool MayNominate(Viewer viewer, ParkAssociation association) =>
        ActsFor(viewer, association) || (viewer.Roles.Contains(Roles.Committee) && viewer.OrganisationId == association.OrganisationId);

    public async Task<IReadOnlyList<Row>> ListAsync(Viewer viewer)
    {
        var associations = await Visible(viewer).OrderBy(a => a.Name).ToListAsync();
        var ids = associations.Select(a => a.Id).ToList();
        var terms = (await db.AssociationTerms.AsNoTracking().Where(t => ids.Contains(t.AssociationId)).ToListAsync())
            .GroupBy(t => t.AssociationId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Number)!);
        var termIds = terms.Values.Select(t => t.Id).ToList();
        var chairs = await db.AssociationOfficers.AsNoTracking().Where(o => termIds.Contains(o.TermId) && o.Role == OfficerRole.Chair)
            .ToDictionaryAsync(o => o.TermId, o => o.Name);
        var names = await OrganisationNamesAsync();
        var opensOn = await engine.Queries.VariableOfAsync(terms.Values.Select(t => t.RenewalCaseId).OfType<Guid>().ToList(), RenewalOpensOn);
        return associations.Select(association =>
        {
            var term = terms.GetValueOrDefault(association.Id);
            return new Row(association, names.GetValueOrDefault(association.OrganisationId, association.OrganisationId), term,
                term?.RenewalCaseId is { } caseId ? Day(opensOn.GetValueOrDefault(caseId)) : null, term is null ? null : chairs.GetValueOrDefault(term.Id));
        }).ToList();
    }

    public async Task<File?> FileAsync(Viewer viewer, Guid id)
    {
        if (await ReadableAsync(viewer, id) is not { } association) return null;
        var terms = await db.AssociationTerms.AsNoTracking().Where(t => t.AssociationId == id).OrderByDescending(t => t.Number).ToListAsync();
        var termIds = terms.Select(t => t.Id).ToList();
        var officers = await db.AssociationOfficers.AsNoTracking().Where(o => termIds.Contains(o.TermId)).OrderBy(o => o.Order).ToListAsync();
        var caseIds = terms.Select(t => t.ElectedByCaseId).OfType<Guid>().ToList();
        var documents = await db.Attachments.AsNoTracking().Where(a => caseIds.Contains(a.InstanceId)).OrderBy(a => a.UploadedAt).ToListAsync();
        var files = terms.Select(t => new TermFile(t, officers.Where(o => o.TermId == t.Id).ToList(),
            documents.Where(d => d.InstanceId == t.ElectedByCaseId).ToList())).ToList();
        var current = terms.FirstOrDefault();
        InstanceView? renewal = current?.RenewalCaseId is { } caseId ? await engine.Queries.GetInstanceAsync(caseId) : null;
        var nominations = await db.Nominations.AsNoTracking().Where(n => n.AssociationId == id).OrderByDescending(n => n.At).ToListAsync();
        var path = await db.CultivationPaths.AsNoTracking().FirstOrDefaultAsync(p => p.AssociationId == id);
        var names = await OrganisationNamesAsync();
        var filedWith = current?.FiledWith is { } higher ? names.GetValueOrDefault(higher) : null;
        return new File(association, names.GetValueOrDefault(association.OrganisationId, association.OrganisationId), files, renewal,
            current is null ? null : await OpensOnAsync(current), nominations, path, filedWith);
    }

    /// <summary>The cultivation paths the viewer may see, open ones first.</summary>
    public async Task<IReadOnlyList<PathRow>> PathsAsync(Viewer viewer)
    {
        var paths = db.CultivationPaths.AsNoTracking();
        if (viewer.VisibleOwners is { } owners) paths = paths.Where(p => owners.Contains(p.OrganisationId));
        var list = await paths.OrderBy(p => p.LaunchedOn).ToListAsync();
        var ids = list.Select(p => p.Id).ToList();
        var homeIds = list.Select(p => p.HomeId).ToList();
        var homes = await db.Homes.AsNoTracking().Where(h => homeIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name);
        var guidance = await db.CultivationGuidance.AsNoTracking().Where(g => ids.Contains(g.PathId)).GroupBy(g => g.PathId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var verifications = (await db.CultivationVerifications.AsNoTracking().Where(v => ids.Contains(v.PathId)).ToListAsync()).ToLookup(v => v.PathId);
        var names = await OrganisationNamesAsync();
        return list.OrderBy(p => p.IsOpen ? 0 : 1).Select(p => new PathRow(p, homes.GetValueOrDefault(p.HomeId, ""),
            names.GetValueOrDefault(p.OrganisationId, p.OrganisationId), guidance.GetValueOrDefault(p.Id),
            verifications[p.Id].OrderBy(v => v.Year).ToList())).ToList();
    }

    /// <summary>Terms filed with the viewer's own organisation (R20), newest first.</summary>
    public async Task<IReadOnlyList<(AssociationTerm Term, string Association)>> FiledWithAsync(Viewer viewer)
    {
        if (viewer.OrganisationId is null) return [];
        var filed = await (from t in db.AssociationTerms.AsNoTracking()
                           join a in db.Associations.AsNoTracking() on t.AssociationId equals a.Id
                           where t.FiledWith == viewer.OrganisationId
                           orderby t.FiledOn descending
                           select new { Term = t, a.Name }).ToListAsync();
        return filed.Select(f => (f.Term, f.Name)).ToList();
    }

    /// <summary>The variable in which a term's waiting 换届 case keeps the day it opens.</summary>
    private const string RenewalOpensOn = "renewalOpensOn";

    /// <summary>The day the term's 换届 opens, as its waiting case planned it.</summary>
    private async Task<DateOnly?> OpensOnAsync(AssociationTerm term) =>
        term.RenewalCaseId is { } caseId ? Day((await engine.Queries.VariableOfAsync([caseId], RenewalOpensOn)).GetValueOrDefault(caseId)) : null;

    private static DateOnly? Day(JsonNode? value) =>
        DateOnly.TryParse(VariableValues.AsText(value)?.Trim(), CultureInfo.InvariantCulture, out var on) ? on : null;

    private Task<Dictionary<string, string>> OrganisationNamesAsync() =>
        db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
}
