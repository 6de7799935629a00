# Adventure Works' move from Exchange 2016 and 2019 to Exchange Server SE, as
# its architect planned it in July 2025, before both reach their end of
# support on 2025-10-14. Exchange 2016 cannot be upgraded in place: its
# mailboxes move to the 2019 DAG and the server is removed. The two 2019
# servers, at CU15, are upgraded in place to SE, one at a time: the only
# upgrade in place Microsoft supports. This file is the current state;
# stages.exchange.hcl holds the stages.
#
# Checked as of 2025-07-15 (exlint check --as-of 2025-07-15), the plan is
# green: the warnings that 2016 and 2019 end their support within the year
# are planned to go.

organization "AdventureWorks" {
  forest_functional_level = "2016"
  public_folders          = "on_premises"
}

site "Berlin" {}

domain_controller "AW-DC01" {
  site           = "Berlin"
  os             = "2022"
  global_catalog = true
}

domain_controller "AW-DC02" {
  site           = "Berlin"
  os             = "2022"
  global_catalog = true
}

server "AW-EX16" {
  site      = "Berlin"
  version   = "2016"
  update    = "CU23 May25HU"
  roles     = ["mailbox"]
  os        = "2016"
  mailboxes = 400
  databases = 2
}

server "AW-EX19-01" {
  site           = "Berlin"
  version        = "2019"
  update         = "CU15 May25HU"
  roles          = ["mailbox"]
  os             = "2022"
  mailboxes      = 900
  databases      = 3
  public_folders = true
}

server "AW-EX19-02" {
  site      = "Berlin"
  version   = "2019"
  update    = "CU15 May25HU"
  roles     = ["mailbox"]
  os        = "2022"
  mailboxes = 900
  databases = 3
}

dag "AW-DAG19" {
  members = ["AW-EX19-01", "AW-EX19-02"]
  witness = "AW-FS01.adventure-works.com"
}

domain "adventure-works.com" {
  accepted     = "authoritative"
  mx           = "on_premises"
  autodiscover = "on_premises"
}

connector "send" "Internet" {
  servers        = ["AW-EX16", "AW-EX19-01"]
  address_spaces = ["*"]
}

certificate "aw-mail-2026" {
  issuer   = "public_ca"
  subject  = "mail.adventure-works.com"
  names    = ["mail.adventure-works.com", "autodiscover.adventure-works.com"]
  expires  = "2026-09-30"
  servers  = ["AW-EX16", "AW-EX19-01", "AW-EX19-02"]
  services = ["iis", "smtp"]
}

namespace "mail.adventure-works.com" {
  services    = ["owa", "ews", "autodiscover", "mapi", "activesync", "oab"]
  certificate = "aw-mail-2026"
  port        = 443
}
