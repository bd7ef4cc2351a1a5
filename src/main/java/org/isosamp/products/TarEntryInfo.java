package org.isosamp.products;

import java.time.Instant;

/**
 * One entry of a tar, as listed by {@link TarFiles#list}. Names are as stored (e.g.
 * {@code ././ISO1659972236/EXTRAKON//pich80000203.gif}); a nested tar is an ordinary {@link Kind#FILE} entry.
 *
 * @param name      the entry name as stored
 * @param size      size in bytes (0 for directories and links)
 * @param mode      the Unix mode bits, e.g. {@code 0644}
 * @param userName  the owner's user name ({@code uname}), maybe empty
 * @param groupId   the owner's group id ({@code gid})
 * @param modTime   the modification time
 * @param kind      what sort of entry
 * @param linkName  the link target of a link, else ""
 */
public record TarEntryInfo(String name, long size, int mode, String userName, long groupId, Instant modTime,
                           Kind kind, String linkName) {

    /** What sort of entry. */
    public enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    /** @return whether this is a directory entry */
    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
