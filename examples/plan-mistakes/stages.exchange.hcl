# The stages of Litware's draft, in date order.

stage "add-2016" {
  date        = "2016-04"
  description = "Exchange 2016 for the new mailboxes"

  add "server" "LW-EX16" {
    site      = "Boston"
    version   = "2016"
    update    = "CU1"
    roles     = ["mailbox"]
    os        = "2012R2"
    mailboxes = 0
  }
}

stage "upgrade-2013" {
  date        = "2016-06"
  description = "LW-EX13 upgraded to Exchange 2016 over the weekend"

  change "server" "LW-EX13" {
    version = "2016"
    update  = "CU1"
    roles   = ["mailbox"]
  }
}

stage "move-to-the-cloud" {
  date        = "2016-09"
  description = "Every mailbox to Exchange Online, and mail through it"

  change "server" "LW-EX07" {
    mailboxes = 0
    databases = 0
  }
  change "domain" "litware.com" {
    mx           = "exchange_online"
    autodiscover = "exchange_online"
  }
}

stage "cloud-only" {
  date        = "2016-11"
  description = "No more Exchange servers"

  remove "server" "LW-EX07" {}
  remove "server" "LW-EX13" {}
  remove "server" "LW-EX16" {}
}
