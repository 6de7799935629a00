# Contoso's journey from Exchange 2007 to Exchange 2016, as its architect
# planned it in July 2015 (kept in the repository). Exchange moves one
# generation at a time: 2013 is installed beside 2007, the mailboxes and
# then the public folders move to it, 2007 is removed, and the same is done
# from 2013 to 2016. This file is the current state, what ran in July 2015;
# stages.exchange.hcl holds the stages.
#
# Checked as of 2015-07-01 (exlint check --as-of 2015-07-01), its only
# findings are planned: EX07-01 is three rollups behind, and the first stage
# brings it up to date before Exchange 2013 arrives. Checked today, every
# state runs versions past their end of support. exlint plan --as-of
# 2015-07-01 shows the journey state by state.

organization "Contoso" {
  forest_functional_level = "2008"
  public_folders          = "on_premises"
}

site "HQ" {}

domain_controller "DC01" {
  site = "HQ"
  os   = "2008R2"
}

domain_controller "DC02" {
  site = "HQ"
  os   = "2008R2"
}

server "EX07-01" {
  site           = "HQ"
  version        = "2007"
  update         = "SP3 RU14"
  roles          = ["mailbox", "client_access", "hub_transport"]
  os             = "2008R2"
  mailboxes      = 1200
  databases      = 3
  public_folders = true
}

connector "send" "Internet" {
  servers        = ["EX07-01"]
  address_spaces = ["*"]
}

namespace "mail.contoso.com" {
  services    = ["owa", "ews", "autodiscover", "outlook_anywhere", "activesync"]
  certificate = "contoso-mail"
  port        = 443
}

certificate "contoso-mail" {
  issuer   = "public_ca"
  subject  = "mail.contoso.com"
  names    = ["mail.contoso.com", "autodiscover.contoso.com"]
  expires  = "2017-06-30"
  servers  = ["EX07-01"]
  services = ["iis", "smtp"]
}
