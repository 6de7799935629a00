# The stages of Contoso's journey, in date order. Each server is kept on the
# latest or the previous update of its version while it runs, and each is
# emptied (mailboxes, databases, public folders, the Internet connector)
# before it is removed. Exchange 2016 arrives only once Exchange 2007 is
# gone: the two cannot coexist.

stage "introduce-2013" {
  date        = "2015-10"
  description = "Exchange 2013 CU10 beside 2007, once 2007 has the latest rollup"

  change "server" "EX07-01" {
    update = "SP3 RU17"
  }
  add "server" "EX13-01" {
    site      = "HQ"
    version   = "2013"
    update    = "CU10"
    roles     = ["mailbox", "client_access"]
    os        = "2012R2"
    mailboxes = 0
    databases = 2
  }
  change "certificate" "contoso-mail" {
    names   = ["mail.contoso.com", "autodiscover.contoso.com", "legacy.contoso.com"]
    servers = ["EX07-01", "EX13-01"]
  }
  # Exchange 2013 proxies to 2007 only through a legacy namespace, which the
  # 2007 users keep until their mailboxes move.
  add "namespace" "legacy.contoso.com" {
    services    = ["owa", "ews", "activesync"]
    certificate = "contoso-mail"
    port        = 443
    legacy      = true
  }
}

stage "move-mailboxes-to-2013" {
  date        = "2016-01-15"
  description = "Mailboxes first: users on 2007 could not reach public folders on 2013"

  change "server" "EX13-01" {
    update    = "CU11"
    mailboxes = 1200
  }
  change "server" "EX07-01" {
    mailboxes = 0
    databases = 0
  }
}

stage "move-public-folders-to-2013" {
  date = "2016-02"

  change "server" "EX13-01" {
    public_folders = true
  }
  change "server" "EX07-01" {
    public_folders = false
  }
  change "connector" "send" "Internet" {
    servers = ["EX13-01"]
  }
}

stage "retire-2007" {
  date        = "2016-04"
  description = "Remove Exchange 2007, then raise the forest to 2008 R2 for Exchange 2016"

  change "certificate" "contoso-mail" {
    names   = ["mail.contoso.com", "autodiscover.contoso.com"]
    servers = ["EX13-01"]
  }
  remove "namespace" "legacy.contoso.com" {}
  remove "server" "EX07-01" {}
  change "organization" "Contoso" {
    forest_functional_level = "2008R2"
  }
}

stage "introduce-2016" {
  date        = "2016-07"
  description = "Two Exchange 2016 CU2 servers in a DAG beside 2013, once 2013 has the latest CU"

  change "server" "EX13-01" {
    update = "CU13"
  }
  add "server" "EX16-01" {
    site      = "HQ"
    version   = "2016"
    update    = "CU2"
    roles     = ["mailbox"]
    os        = "2012R2"
    mailboxes = 0
    databases = 2
  }
  add "server" "EX16-02" {
    site      = "HQ"
    version   = "2016"
    update    = "CU2"
    roles     = ["mailbox"]
    os        = "2012R2"
    mailboxes = 0
    databases = 2
  }
  add "dag" "DAG16" {
    members = ["EX16-01", "EX16-02"]
    witness = "FS01.contoso.com"
  }
  change "certificate" "contoso-mail" {
    servers = ["EX13-01", "EX16-01", "EX16-02"]
  }
}

stage "move-mailboxes-to-2016" {
  date = "2016-09"

  change "server" "EX16-01" {
    mailboxes = 600
  }
  change "server" "EX16-02" {
    mailboxes = 600
  }
  change "server" "EX13-01" {
    mailboxes = 0
    databases = 0
  }
}

stage "move-public-folders-to-2016" {
  date = "2016-10"

  change "server" "EX16-01" {
    public_folders = true
  }
  change "server" "EX13-01" {
    public_folders = false
  }
  change "connector" "send" "Internet" {
    servers = ["EX16-01", "EX16-02"]
  }
}

stage "retire-2013" {
  date = "2016-11-15"

  change "certificate" "contoso-mail" {
    servers = ["EX16-01", "EX16-02"]
  }
  remove "server" "EX13-01" {}
}
