# Litware, Inc.: Exchange 2007 in one site, 640 mailboxes, moving to Exchange
# Online in a staged migration, one department per weekend over a quarter.
# The prerequisites are in place: directory synchronization creates the
# users, Outlook Anywhere is published on 443 with a public certificate.

organization "Litware" {
  forest_functional_level = "2003"
}

site "Redmond" {}

domain_controller "LW-DC01" {
  site           = "Redmond"
  os             = "2008R2"
  global_catalog = true
}

domain_controller "LW-DC02" {
  site           = "Redmond"
  os             = "2008R2"
  global_catalog = true
}

server "LW-EX07-01" {
  site    = "Redmond"
  version = "2007"
  update  = "SP3 RU23"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

server "LW-EX07-02" {
  site    = "Redmond"
  version = "2007"
  update  = "SP3 RU23"
  roles   = ["mailbox"]
  os      = "2008R2"
}
