// Printed documents: what keeps a store's own templates the store's (issue 14).
extension MessageCatalog {
    static let englishDocumentSafety: KeyValuePairs<MessageCode, String> = [
        "settings.not_a_template_folder": "{given} is not a folder lane can use for templates: give the whole path from / (e.g. /srv/lane/templates), without ..",
        "document.template_outside_folder": "{file} leads outside the store's template folder (to {target}); put the file itself in the folder",
        "document.template_writable_by_all": "{file} can be changed by every user of this computer; make it writable by its owner only (chmod o-w)",
    ]
}
