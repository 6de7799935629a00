# Northwind Traders' journey from Exchange 2010 to Exchange Online, as its
# architect planned it in May 2022. Exchange 2010 cannot run a hybrid
# deployment that Microsoft still supports, so an Exchange 2016 server joins
# it for the hybrid configuration; the mailboxes and then the public folders
# move to Exchange Online; Exchange 2010 is removed; and once mail flows
# through Exchange Online, the hybrid configuration goes. Directory
# synchronization stays, so the last Exchange server is not uninstalled: it
# is shut down, and the Management Tools of Exchange 2019 CU12 manage the
# recipients. This file is the current state; stages.exchange.hcl holds the
# stages.
#
# Checked as of 2022-05-02 (exlint check --as-of 2022-05-02), the plan is
# green: Exchange 2010, past its end of support, is planned to go.

organization "Northwind" {
  forest_functional_level = "2012R2"
  public_folders          = "on_premises"
}

site "Seattle" {}

domain_controller "NW-DC01" {
  site           = "Seattle"
  os             = "2016"
  global_catalog = true
}

domain_controller "NW-DC02" {
  site           = "Seattle"
  os             = "2016"
  global_catalog = true
}

server "NW-EX10" {
  site           = "Seattle"
  version        = "2010"
  update         = "SP3 RU32"
  roles          = ["mailbox", "client_access", "hub_transport"]
  os             = "2008R2"
  mailboxes      = 650
  databases      = 2
  public_folders = true
}

domain "northwindtraders.com" {
  accepted     = "authoritative"
  verified     = false
  mx           = "on_premises"
  autodiscover = "on_premises"
}

tenant "northwindtraders.onmicrosoft.com" {
  plan = "E3"
}

certificate "nw-mail-2023" {
  issuer   = "public_ca"
  subject  = "mail.northwindtraders.com"
  names    = ["mail.northwindtraders.com", "autodiscover.northwindtraders.com"]
  expires  = "2023-09-30"
  servers  = ["NW-EX10"]
  services = ["iis", "smtp"]
}

namespace "mail.northwindtraders.com" {
  services    = ["owa", "ews", "autodiscover", "outlook_anywhere", "activesync", "oab"]
  certificate = "nw-mail-2023"
  port        = 443
}
