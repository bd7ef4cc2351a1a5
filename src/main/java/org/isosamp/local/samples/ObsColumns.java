package org.isosamp.local.samples;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;

/**
 * Maps an {@link Obs} onto the declared columns (by name) of the four
 * observation tables. A declared column without a value source is NULL; the
 * tests check that none of the sample schema's columns is in that case.
 */
final class ObsColumns {

    static final String OBSERVATIONS = "ida.observations";
    static final String OBSCORE = "ivoa.obscore";
    static final String SSAP = "ivoa.ssap";
    static final String SIAP = "ivoa.siap";
    static final List<String> TABLES = List.of(OBSERVATIONS, OBSCORE, SSAP, SIAP);

    private static final Short ONE = 1;
    private static final Short ZERO = 0;

    private static final Map<String, Map<String, Function<Obs, Object>>> SOURCES = new HashMap<>();

    static {
        Map<String, Function<Obs, Object>> m = new HashMap<>();
        m.put("aotname", o -> o.aot.code);
        m.put("bp_valid", o -> ONE);
        m.put("cal_flag", o -> o.calibration ? ONE : ZERO);
        m.put("cam_par_flag", o -> o.aot == Aot.CPAR ? ONE : ZERO);
        m.put("caveat", o -> o.caveat);
        m.put("cdec", o -> o.cdec);
        m.put("comment", o -> o.comment);
        m.put("cra", o -> o.cra);
        m.put("croll", o -> o.croll);
        m.put("dec", o -> o.dec);
        m.put("default_vo_product", o -> o.product);
        m.put("display", o -> ONE);
        m.put("dist_status", o -> "PUBLIC");
        m.put("ehalind", o -> ZERO);
        m.put("end_time", Obs::endTime);
        m.put("fov", o -> o.fovPg);
        m.put("hpdp_available", o -> o.hpdp);
        m.put("instid", o -> o.aot.instid());
        m.put("instrument_mode", o -> o.aot.longName);
        m.put("num_publications", o -> o.numPublications);
        m.put("object_type", o -> o.objectType);
        m.put("obsid", o -> o.obsid);
        m.put("obsno", o -> o.obsno);
        m.put("obsno_char", Obs::obsnoChar);
        m.put("osn", o -> (o.tdt % 100000) / 100);
        m.put("ott", o -> (double) o.durationSec);
        m.put("prodqlty", o -> o.calibration ? "Calibration" : "Scientifically Validated");
        m.put("propid", o -> o.propid);
        m.put("qltyver", o -> "OLP 10");
        m.put("ra", o -> o.raH);
        m.put("ra_deg", o -> o.raDeg);
        m.put("revno", o -> o.revno);
        m.put("s_region", o -> o.region);
        m.put("s_region_fov", o -> o.regionFov);
        m.put("speed", o -> o.speed);
        m.put("start_time", Obs::startTime);
        m.put("target", o -> o.target);
        m.put("targetno", o -> o.targetno);
        m.put("tdt", o -> o.tdt);
        m.put("tdt_char", Obs::tdtChar);
        m.put("type", Obs::type);
        m.put("usredata_available", o -> o.usredata);
        m.put("utc_end", Obs::endTime);
        m.put("utc_start", Obs::startTime);
        m.put("wavelengths", Obs::wavelengths);
        SOURCES.put(OBSERVATIONS, m);

        m = new HashMap<>();
        m.put("dataproduct_type", o -> o.product);
        m.put("calib_level", o -> o.hpdp == 1 ? 3 : 2);
        m.put("obs_collection", o -> "ISO");
        m.put("obs_id", Obs::tdtChar);
        m.put("obs_publisher_did", Obs::publisherDid);
        m.put("obs_title", Obs::title);
        m.put("access_url", Obs::dataUrl);
        m.put("access_format", o -> "application/fits");
        m.put("access_estsize", o -> o.sizeKb);
        m.put("target_name", o -> o.target);
        m.put("s_ra", o -> o.raDeg);
        m.put("s_dec", o -> o.dec);
        m.put("s_fov", o -> Sky.round(o.fovDiameter, 5));
        m.put("s_region", o -> o.regionFov);
        m.put("s_resolution", o -> o.aot.resolutionArcsec);
        m.put("s_xel1", o -> (long) o.naxis1);
        m.put("s_xel2", o -> (long) o.naxis2);
        m.put("t_min", Obs::tMin);
        m.put("t_max", Obs::tMax);
        m.put("t_exptime", o -> (double) o.durationSec);
        m.put("t_resolution", o -> (double) o.durationSec);
        m.put("t_xel", o -> 1L);
        m.put("em_min", o -> metres(o.emMinUm));
        m.put("em_max", o -> metres(o.emMaxUm));
        m.put("em_res_power", o -> o.resPower);
        m.put("em_xel", o -> (long) o.aot.emXel);
        m.put("o_ucd", o -> "spectrum".equals(o.product) && o.aot.instrument == 'L'
                             ? "phot.flux.density;em.wl" : "phot.flux.density");
        m.put("pol_states", o -> null);
        m.put("pol_xel", o -> null);
        m.put("facility_name", o -> "ISO");
        m.put("instrument_name", o -> o.aot.instrumentName());
        m.put("obs_release_date", o -> Sky.timestamp(o.startSec + 365L * 86400L));
        m.put("proposal_id", o -> o.propid);
        m.put("s_region_fov", o -> o.regionFov);
        SOURCES.put(OBSCORE, m);

        m = new HashMap<>();
        m.put("target_name", Obs::title);
        m.put("ra", o -> o.raDeg);
        m.put("dec", o -> o.dec);
        m.put("axes", o -> "WAVE FLUX");
        m.put("units", o -> o.aot.spectrumUnits());
        m.put("reference", Obs::dataUrl);
        m.put("tdt", o -> o.tdt);
        m.put("obsno", o -> o.obsno);
        m.put("instrument_name", o -> o.aot.instrumentName());
        m.put("aotname", o -> o.aot.code);
        m.put("date_obs", Obs::startTime);
        m.put("exposure", o -> (double) o.durationSec);
        m.put("wavelength_min", o -> o.emMinUm);
        m.put("wavelength_max", o -> o.emMaxUm);
        m.put("spec_res_power", o -> o.resPower);
        m.put("format", o -> "application/fits");
        m.put("s_region_fov", o -> o.regionFov);
        SOURCES.put(SSAP, m);

        m = new HashMap<>();
        m.put("image_title", Obs::title);
        m.put("ra", o -> o.raDeg);
        m.put("dec", o -> o.dec);
        m.put("access_url", Obs::dataUrl);
        m.put("tdt", o -> o.tdt);
        m.put("obsno", o -> o.obsno);
        m.put("instrument_name", o -> o.aot.instrumentName());
        m.put("aotname", o -> o.aot.code);
        m.put("filter", o -> o.filter);
        m.put("naxis1", o -> o.naxis1);
        m.put("naxis2", o -> o.naxis2);
        m.put("pixel_scale", o -> o.pixelArcsec);
        m.put("wavelength_min", o -> o.emMinUm);
        m.put("wavelength_max", o -> o.emMaxUm);
        m.put("date_obs", Obs::startTime);
        m.put("exposure", o -> (double) o.durationSec);
        m.put("format", o -> "application/fits");
        m.put("s_region_fov", o -> o.regionFov);
        SOURCES.put(SIAP, m);
    }

    private ObsColumns() {
    }

    /** Wavelength in um to metres, as the double nearest the decimal value (clean CSV output). */
    static double metres(double um) {
        return Math.round(um * 1e4) / 1e10;
    }

    /** @return whether this observation has a row in that table. */
    static boolean hasRow(String table, Obs o) {
        return switch (table) {
            case OBSERVATIONS -> true;
            case OBSCORE -> o.product != null;
            case SSAP -> "spectrum".equals(o.product);
            case SIAP -> "image".equals(o.product);
            default -> false;
        };
    }

    /** {@link #hasRow} for a mapper (no string switch per row). */
    static boolean hasRow(Mapper m, Obs o) {
        return switch (m.kind) {
            case 0 -> true;
            case 1 -> o.product != null;
            case 2 -> "spectrum".equals(o.product);
            case 3 -> "image".equals(o.product);
            default -> false;
        };
    }

    /** @return declared columns of that table that have no value source here. */
    static List<String> unmapped(TableDef t) {
        Map<String, Function<Obs, Object>> src = SOURCES.getOrDefault(t.name(), Map.of());
        return t.columns().stream().map(ColumnDef::key).filter(k -> !src.containsKey(k)).toList();
    }

    /** Turns observations into rows of one table, in its declared column order and types. */
    static final class Mapper {
        final String table;
        final int kind;
        private final Function<Obs, Object>[] get;
        private final Class<?>[] type;

        @SuppressWarnings("unchecked")
        Mapper(TableDef t) {
            this.table = t.name();
            this.kind = TABLES.indexOf(t.name());
            Map<String, Function<Obs, Object>> src = SOURCES.getOrDefault(t.name(), Map.of());
            List<ColumnDef> cols = t.columns();
            get = new Function[cols.size()];
            type = new Class<?>[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                get[i] = src.getOrDefault(cols.get(i).key(), o -> null);
                type[i] = cols.get(i).javaClass();
            }
        }

        Object[] row(Obs o) {
            Object[] r = new Object[get.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = convert(get[i].apply(o), type[i]);
            }
            return r;
        }
    }

    static Mapper mapper(ArchiveMetadata meta, String table) {
        TableDef t = meta.table(table).orElseThrow(
            () -> new IllegalArgumentException("metadata lacks table " + table));
        return new Mapper(t);
    }

    /** Converts a value to the Java class of a column (numbers between numeric types). */
    static Object convert(Object v, Class<?> target) {
        if (v == null || target.isInstance(v)) {
            return v;
        }
        if (v instanceof Number n) {
            if (target == Integer.class) {
                return n.intValue();
            } else if (target == Long.class) {
                return n.longValue();
            } else if (target == Short.class) {
                return n.shortValue();
            } else if (target == Double.class) {
                return n.doubleValue();
            } else if (target == Float.class) {
                return n.floatValue();
            } else if (target == Boolean.class) {
                return n.intValue() != 0;
            } else if (target == String.class) {
                return n.toString();
            }
        }
        throw new IllegalArgumentException("cannot store " + v.getClass().getSimpleName()
                                           + " " + v + " as " + target.getSimpleName());
    }
}
