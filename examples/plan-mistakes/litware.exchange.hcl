# Litware's first draft of its journey from Exchange 2007 to Exchange Online,
# written in January 2016, that exlint sends back. Its three mistakes, each
# reported at the stage line that makes it:
#
#   - stage "add-2016" installs Exchange 2016 while Exchange 2007 is still
#     there: the two cannot coexist (coexistence-unsupported);
#   - stage "upgrade-2013" turns the Exchange 2013 server into an Exchange
#     2016 one in place: Exchange is not upgraded in place from one version to
#     another (plan-in-place-upgrade);
#   - stage "cloud-only" removes the last Exchange server while directory
#     synchronization stays on: Microsoft says to keep it, shut down
#     (plan-last-server).
#
# exlint plan --as-of 2016-01-04 shows which states fail.

organization "Litware" {
  forest_functional_level = "2008R2"
  public_folders          = "none"
}

site "Boston" {}

domain_controller "LW-DC01" {
  site           = "Boston"
  os             = "2012R2"
  global_catalog = true
}

server "LW-EX07" {
  site      = "Boston"
  version   = "2007"
  update    = "SP3 RU18"
  roles     = ["mailbox", "client_access", "hub_transport"]
  os        = "2008R2"
  mailboxes = 300
  databases = 1
}

server "LW-EX13" {
  site      = "Boston"
  version   = "2013"
  update    = "CU11"
  roles     = ["mailbox", "client_access"]
  os        = "2012R2"
  mailboxes = 0
}

domain "litware.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

tenant "litware.onmicrosoft.com" {
  plan = "E3"
}

directory_sync {
  enabled = true
  tool    = "aad_connect"
  host_os = "2012R2"
  sign_in = "password_hash_sync"
}
