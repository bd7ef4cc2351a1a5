package org.isosamp.local.tap;

import static org.isosamp.local.tap.Http.xmlEscape;

import java.util.List;
import org.isosamp.local.meta.AdqlReserved;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;

/**
 * VOSI documents generated from the metadata model: capabilities,
 * availability and tablesets. Two tableset dialects are served from one model:
 * strict VODataService (taplint-clean) and ESA's TAP+ flavour, which adds
 * {@code esatapplus:} attributes that astroquery's TapPlus parser requires on
 * every column (and that taplint reports as schema errors). Stateless.
 */
final class Vosi {

    static final String ESA_NS = "http://esa.int/xml/EsaTapPlus";

    private Vosi() {
    }

    static String availability() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">\n"
            + " <vosi:available>true</vosi:available>\n"
            + " <vosi:note>iso-samp local archive: serving synthetic sample data</vosi:note>\n"
            + "</vosi:availability>\n";
    }

    /**
     * @param base    absolute TAP base URL, e.g. {@code http://127.0.0.1:8080/tap}
     * @param obsCore declare the ObsCore 1.1 data model
     */
    static String capabilities(String base, boolean obsCore) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"")
         .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
         .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"")
         .append(" xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
        b.append(" <capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n")
         .append("  <interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n")
         .append("   <accessURL use=\"base\">").append(xmlEscape(base)).append("</accessURL>\n")
         .append("  </interface>\n");
        if (obsCore) {
            b.append("  <dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">ObsCore-1.1</dataModel>\n");
        }
        b.append("  <language>\n   <name>ADQL</name>\n")
         .append("   <version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n")
         .append("   <description>ADQL 2.0, evaluated on the sphere (ICRS)</description>\n")
         .append("   <languageFeatures type=\"ivo://ivoa.net/std/TAPRegExt#features-adqlgeo\">\n");
        for (String f : List.of("POINT", "CIRCLE", "BOX", "POLYGON", "CONTAINS", "INTERSECTS", "DISTANCE",
                                "AREA", "CENTROID", "COORD1", "COORD2", "COORDSYS")) {
            b.append("    <feature><form>").append(f).append("</form></feature>\n");
        }
        b.append("   </languageFeatures>\n  </language>\n");
        b.append("  <outputFormat ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-binary2\">\n")
         .append("   <mime>application/x-votable+xml</mime>\n   <alias>votable</alias>\n  </outputFormat>\n")
         .append("  <outputFormat ivo-id=\"ivo://ivoa.net/std/TAPRegExt#output-votable-td\">\n")
         .append("   <mime>application/x-votable+xml;serialization=TABLEDATA</mime>\n")
         .append("   <alias>votable/td</alias>\n  </outputFormat>\n")
         .append("  <outputFormat>\n   <mime>text/csv</mime>\n   <alias>csv</alias>\n  </outputFormat>\n");
        b.append("  <retentionPeriod><default>").append(UwsJobs.RETENTION_S)
         .append("</default></retentionPeriod>\n")
         .append("  <executionDuration><default>").append(UwsJobs.DEFAULT_DURATION_S)
         .append("</default></executionDuration>\n")
         .append("  <outputLimit><default unit=\"row\">").append(TapService.DEFAULT_MAXREC)
         .append("</default><hard unit=\"row\">").append(TapService.HARD_MAXREC)
         .append("</hard></outputLimit>\n");
        b.append(" </capability>\n");
        capability(b, "ivo://ivoa.net/std/VOSI#capabilities", base + "/capabilities", null);
        capability(b, "ivo://ivoa.net/std/VOSI#availability", base + "/availability", null);
        capability(b, "ivo://ivoa.net/std/VOSI#tables-1.1", base + "/tables", "1.1");
        return b.append("</vosi:capabilities>\n").toString();
    }

    private static void capability(StringBuilder b, String id, String url, String version) {
        b.append(" <capability standardID=\"").append(id).append("\">\n")
         .append("  <interface xsi:type=\"vs:ParamHTTP\"")
         .append(version == null ? "" : " version=\"" + version + "\"").append(">\n")
         .append("   <accessURL use=\"full\">").append(xmlEscape(url)).append("</accessURL>\n")
         .append("  </interface>\n </capability>\n");
    }

    /**
     * @param withColumns false for {@code detail=min} / ESA {@code only_tables=true}
     * @param esa         add the ESA TAP+ attributes astroquery needs
     */
    static String tableset(ArchiveMetadata meta, boolean withColumns, boolean esa) {
        List<ArchiveMetadata.ForeignKey> keys = meta.keys();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<vosi:tableset xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\"")
         .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
         .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"");
        if (esa) {
            b.append(" xmlns:esatapplus=\"").append(ESA_NS).append('"');
        }
        b.append(">\n");
        for (ArchiveMetadata.SchemaDef s : meta.schemas()) {
            b.append(" <schema").append(esa ? " esatapplus:public=\"true\"" : "").append(">\n")
             .append("  <name>").append(xmlEscape(s.name())).append("</name>\n");
            if (!s.description().isEmpty()) {
                b.append("  <description>").append(xmlEscape(s.description())).append("</description>\n");
            }
            for (TableDef t : meta.tables(s.name())) {
                table(b, t, withColumns ? keys : null, esa, "  ");
            }
            b.append(" </schema>\n");
        }
        return b.append("</vosi:tableset>\n").toString();
    }

    /** A single {@code vosi:table} document ({@code /tables/<name>}). */
    static String table(TableDef t, List<ArchiveMetadata.ForeignKey> keys, boolean esa) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        StringBuilder inner = new StringBuilder();
        table(inner, t, keys, esa, "");
        String attrs = " xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
            + (esa ? " xmlns:esatapplus=\"" + ESA_NS + "\"" : "");
        String s = inner.toString().replaceFirst("^<table", "<vosi:table" + attrs);
        s = s.substring(0, s.lastIndexOf("</table>")) + "</vosi:table>\n";
        return b.append(s).toString();
    }

    /** @param keys foreign keys to publish with the columns; null: no columns, no keys */
    private static void table(StringBuilder b, TableDef t, List<ArchiveMetadata.ForeignKey> keys,
                              boolean esa, String ind) {
        b.append(ind).append("<table type=\"").append(t.type().equals("view") ? "view" : "base_table").append('"');
        if (esa) {
            b.append(" esatapplus:size=\"0\" esatapplus:flags=\"0\"");
        }
        b.append(">\n").append(ind).append(" <name>").append(xmlEscape(t.name())).append("</name>\n");
        if (!t.description().isEmpty()) {
            b.append(ind).append(" <description>").append(xmlEscape(t.description())).append("</description>\n");
        }
        if (t.utype() != null) {
            b.append(ind).append(" <utype>").append(xmlEscape(t.utype())).append("</utype>\n");
        }
        if (keys != null) {
            for (ColumnDef c : t.columns()) {
                column(b, c, esa, ind + " ");
            }
            for (ArchiveMetadata.ForeignKey k : keys) {
                if (k.fromTable().equalsIgnoreCase(t.name())) {
                    foreignKey(b, k, ind + " ");
                }
            }
        }
        b.append(ind).append("</table>\n");
    }

    private static void column(StringBuilder b, ColumnDef c, boolean esa, String ind) {
        b.append(ind).append("<column std=\"").append(c.std()).append('"');
        if (esa) {
            b.append(" esatapplus:flags=\"").append(esaFlags(c)).append('"');
        }
        b.append(">\n");
        b.append(ind).append(" <name>").append(xmlEscape(c.publishedName())).append("</name>\n");
        if (!c.description().isEmpty()) {
            b.append(ind).append(" <description>").append(xmlEscape(c.description())).append("</description>\n");
        }
        if (c.unit() != null) {
            b.append(ind).append(" <unit>").append(xmlEscape(c.unit())).append("</unit>\n");
        }
        if (c.ucd() != null) {
            b.append(ind).append(" <ucd>").append(xmlEscape(c.ucd())).append("</ucd>\n");
        }
        if (c.utype() != null) {
            b.append(ind).append(" <utype>").append(xmlEscape(c.utype())).append("</utype>\n");
        }
        b.append(ind).append(" <dataType xsi:type=\"vs:VOTableType\"");
        if (c.arraysize() != null) {
            b.append(" arraysize=\"").append(xmlEscape(c.arraysize())).append('"');
        }
        if (c.xtype() != null) {
            b.append(" extendedType=\"").append(xmlEscape(c.xtype())).append('"');
        }
        b.append('>').append(c.datatype()).append("</dataType>\n");
        if (c.indexed()) {
            b.append(ind).append(" <flag>indexed</flag>\n");
        }
        if (c.principal()) {
            b.append(ind).append(" <flag>principal</flag>\n");
        }
        b.append(ind).append("</column>\n");
    }

    private static void foreignKey(StringBuilder b, ArchiveMetadata.ForeignKey k, String ind) {
        b.append(ind).append("<foreignKey>\n")
         .append(ind).append(" <targetTable>").append(xmlEscape(k.targetTable())).append("</targetTable>\n");
        for (int i = 0; i < k.fromColumns().size(); i++) {
            b.append(ind).append(" <fkColumn><fromColumn>")
             .append(xmlEscape(AdqlReserved.publish(k.fromColumns().get(i))))
             .append("</fromColumn><targetColumn>")
             .append(xmlEscape(AdqlReserved.publish(k.targetColumns().get(i))))
             .append("</targetColumn></fkColumn>\n");
        }
        if (k.description() != null && !k.description().isEmpty()) {
            b.append(ind).append(" <description>").append(xmlEscape(k.description())).append("</description>\n");
        }
        b.append(ind).append("</foreignKey>\n");
    }

    /**
     * A value for {@code esatapplus:flags}. ESA documents no meaning for the bits; astroquery
     * only stores the string. Ours: 16 = indexed, 32 = principal.
     */
    private static int esaFlags(ColumnDef c) {
        return (c.indexed() ? 16 : 0) | (c.principal() ? 32 : 0);
    }
}
